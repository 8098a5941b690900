// Strict validation of xAPI 1.0.3 statements (docs/decisions/xapi-receiver.md). Hand-written
// rather than a JSON schema: the rules that matter (exactly one identifier per agent, revision
// and platform only for activities, score ranges, what a sub-statement may hold) cross
// properties, and each failure must name where it is ("statement.actor.mbox: …") for the person
// wiring up a tool. Every function throws XapiError(400) on the first problem.
import { invalid } from "./errors";

type Obj = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An absolute IRI: a scheme, a colon, then no white space (RFC 3987 in the large).
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
// RFC 5646 in the large: a primary subtag of letters, then alphanumeric subtags of up to 8.
const LANGUAGE_TAG = /^(?:[a-z]{2,8}|x|i)(?:-[a-z0-9]{1,8})*$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
const DURATION =
  /^P(?:\d+(?:[.,]\d+)?W|(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?)$/;
const MAILTO = /^mailto:[^\s@]+@[^\s@]+$/i;
const SHA1 = /^[0-9a-f]{40}$/i;

export const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

export const INTERACTION_TYPES = [
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
] as const;

export const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function isUuid(v: unknown): v is string {
  return typeof v === "string" && UUID.test(v);
}

export function isTimestamp(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  // "-00:00" means "offset unknown" in RFC 3339; xAPI forbids it.
  if (/^-00(:?00)?$/.test(m[7] ?? "")) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  return !Number.isNaN(Date.parse(v.replace(",", ".")));
}

export const isDuration = (v: unknown): v is string => typeof v === "string" && DURATION.test(v);
export const isIri = (v: unknown): v is string => typeof v === "string" && IRI.test(v);

function object(v: unknown, path: string): Obj {
  if (!isObject(v)) throw invalid(path, "must be a JSON object");
  return v;
}

function only(o: Obj, path: string, allowed: readonly string[]) {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw invalid(`${path}.${key}`, "is not a property xAPI allows here");
}

function string(v: unknown, path: string): string {
  if (typeof v !== "string") throw invalid(path, "must be a string");
  return v;
}

function iri(v: unknown, path: string) {
  if (!isIri(v)) throw invalid(path, "must be an absolute IRI (e.g. https://example.com/…)");
}

function uuid(v: unknown, path: string) {
  if (!isUuid(v)) throw invalid(path, "must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
}

function timestamp(v: unknown, path: string) {
  if (!isTimestamp(v)) throw invalid(path, "must be an ISO 8601 date and time with a time zone (e.g. 2026-11-23T10:00:00Z)");
}

function number(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(path, "must be a number");
  return v;
}

function boolean(v: unknown, path: string) {
  if (typeof v !== "boolean") throw invalid(path, "must be true or false");
}

export function languageMap(v: unknown, path: string) {
  const map = object(v, path);
  for (const [tag, text] of Object.entries(map)) {
    if (!LANGUAGE_TAG.test(tag)) throw invalid(`${path}.${tag}`, "is not an RFC 5646 language tag");
    if (typeof text !== "string") throw invalid(`${path}.${tag}`, "must be a string");
  }
}

function extensions(v: unknown, path: string) {
  const map = object(v, path);
  for (const key of Object.keys(map)) if (!isIri(key)) throw invalid(`${path}.${key}`, "an extension's key must be an absolute IRI");
}

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;

function identifiers(o: Obj, path: string): number {
  const present = IFIS.filter((k) => o[k] !== undefined);
  if (o.mbox !== undefined && !(typeof o.mbox === "string" && MAILTO.test(o.mbox)))
    throw invalid(`${path}.mbox`, 'must be an email address IRI beginning with "mailto:"');
  if (o.mbox_sha1sum !== undefined && !(typeof o.mbox_sha1sum === "string" && SHA1.test(o.mbox_sha1sum)))
    throw invalid(`${path}.mbox_sha1sum`, "must be the hex SHA-1 of a mailto IRI (40 characters)");
  if (o.openid !== undefined) iri(o.openid, `${path}.openid`);
  if (o.account !== undefined) {
    const account = object(o.account, `${path}.account`);
    only(account, `${path}.account`, ["homePage", "name"]);
    iri(account.homePage, `${path}.account.homePage`);
    string(account.name, `${path}.account.name`);
  }
  return present.length;
}

export function agent(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"]);
  if (o.objectType !== undefined && o.objectType !== "Agent") throw invalid(`${path}.objectType`, 'must be "Agent"');
  if (o.name !== undefined) string(o.name, `${path}.name`);
  const count = identifiers(o, path);
  if (count !== 1)
    throw invalid(path, `an agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has ${count}`);
}

function group(o: Obj, path: string) {
  only(o, path, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"]);
  if (o.name !== undefined) string(o.name, `${path}.name`);
  const count = identifiers(o, path);
  if (count > 1) throw invalid(path, `a group may have at most one identifier; it has ${count}`);
  if (o.member !== undefined) {
    if (!Array.isArray(o.member)) throw invalid(`${path}.member`, "must be an array of agents");
    o.member.forEach((m, i) => {
      if (isObject(m) && m.objectType === "Group") throw invalid(`${path}.member[${i}]`, "a group's members must be agents, not groups");
      agent(m, `${path}.member[${i}]`);
    });
  }
  if (count === 0 && (!Array.isArray(o.member) || o.member.length === 0))
    throw invalid(`${path}.member`, "an anonymous group (no identifier) must list its members");
}

/** An Agent or a Group (objectType "Group"); `requireType` for agents used as a statement's object. */
export function actor(v: unknown, path: string, requireType = false) {
  const o = object(v, path);
  if (o.objectType === "Group") return group(o, path);
  if (requireType && o.objectType !== "Agent")
    throw invalid(`${path}.objectType`, 'must be "Agent", "Group", "Activity", "StatementRef" or "SubStatement"');
  agent(o, path);
}

function verb(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, ["id", "display"]);
  iri(o.id, `${path}.id`);
  if (o.display !== undefined) languageMap(o.display, `${path}.display`);
}

function components(v: unknown, path: string) {
  if (!Array.isArray(v)) throw invalid(path, "must be an array of interaction components");
  const seen = new Set<string>();
  v.forEach((c, i) => {
    const o = object(c, `${path}[${i}]`);
    only(o, `${path}[${i}]`, ["id", "description"]);
    const id = string(o.id, `${path}[${i}].id`);
    if (!id) throw invalid(`${path}[${i}].id`, "must not be empty");
    if (seen.has(id)) throw invalid(`${path}[${i}].id`, `"${id}" is used twice in this list`);
    seen.add(id);
    if (o.description !== undefined) languageMap(o.description, `${path}[${i}].description`);
  });
}

function definition(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, [
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
  ]);
  if (o.name !== undefined) languageMap(o.name, `${path}.name`);
  if (o.description !== undefined) languageMap(o.description, `${path}.description`);
  if (o.type !== undefined) iri(o.type, `${path}.type`);
  if (o.moreInfo !== undefined) iri(o.moreInfo, `${path}.moreInfo`);
  if (o.extensions !== undefined) extensions(o.extensions, `${path}.extensions`);
  if (o.interactionType !== undefined && !INTERACTION_TYPES.includes(o.interactionType as never))
    throw invalid(`${path}.interactionType`, `must be one of ${INTERACTION_TYPES.join(", ")}`);
  if (o.correctResponsesPattern !== undefined) {
    if (!Array.isArray(o.correctResponsesPattern) || o.correctResponsesPattern.some((p) => typeof p !== "string"))
      throw invalid(`${path}.correctResponsesPattern`, "must be an array of strings");
  }
  for (const key of ["choices", "scale", "source", "target", "steps"] as const)
    if (o[key] !== undefined) components(o[key], `${path}.${key}`);
  const interactive = ["interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps"].some(
    (k) => o[k] !== undefined,
  );
  if (interactive && o.interactionType === undefined)
    throw invalid(`${path}.interactionType`, "is required when an interaction's properties are given");
}

export function activity(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, ["objectType", "id", "definition"]);
  if (o.objectType !== undefined && o.objectType !== "Activity") throw invalid(`${path}.objectType`, 'must be "Activity"');
  iri(o.id, `${path}.id`);
  if (o.definition !== undefined) definition(o.definition, `${path}.definition`);
}

function statementRef(o: Obj, path: string) {
  only(o, path, ["objectType", "id"]);
  uuid(o.id, `${path}.id`);
}

function result(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, ["score", "success", "completion", "response", "duration", "extensions"]);
  if (o.score !== undefined) {
    const s = object(o.score, `${path}.score`);
    only(s, `${path}.score`, ["scaled", "raw", "min", "max"]);
    const [scaled, raw, min, max] = (["scaled", "raw", "min", "max"] as const).map((k) =>
      s[k] === undefined ? undefined : number(s[k], `${path}.score.${k}`),
    );
    if (scaled !== undefined && (scaled < -1 || scaled > 1)) throw invalid(`${path}.score.scaled`, "must be from -1 to 1");
    if (min !== undefined && max !== undefined && min >= max) throw invalid(`${path}.score.min`, "must be less than max");
    if (raw !== undefined && min !== undefined && raw < min) throw invalid(`${path}.score.raw`, "must not be less than min");
    if (raw !== undefined && max !== undefined && raw > max) throw invalid(`${path}.score.raw`, "must not be more than max");
  }
  if (o.success !== undefined) boolean(o.success, `${path}.success`);
  if (o.completion !== undefined) boolean(o.completion, `${path}.completion`);
  if (o.response !== undefined) string(o.response, `${path}.response`);
  if (o.duration !== undefined && !isDuration(o.duration)) throw invalid(`${path}.duration`, "must be an ISO 8601 duration (e.g. PT1H30M)");
  if (o.extensions !== undefined) extensions(o.extensions, `${path}.extensions`);
}

function contextActivities(v: unknown, path: string) {
  const o = object(v, path);
  only(o, path, ["parent", "grouping", "category", "other"]);
  for (const [key, value] of Object.entries(o)) {
    const list = Array.isArray(value) ? value : [value];
    list.forEach((a, i) => activity(a, Array.isArray(value) ? `${path}.${key}[${i}]` : `${path}.${key}`));
  }
}

function context(v: unknown, path: string, objectIsActivity: boolean) {
  const o = object(v, path);
  only(o, path, ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"]);
  if (o.registration !== undefined) uuid(o.registration, `${path}.registration`);
  if (o.instructor !== undefined) actor(o.instructor, `${path}.instructor`);
  if (o.team !== undefined) {
    const team = object(o.team, `${path}.team`);
    if (team.objectType !== "Group") throw invalid(`${path}.team.objectType`, 'a team must be a group (objectType "Group")');
    group(team, `${path}.team`);
  }
  if (o.contextActivities !== undefined) contextActivities(o.contextActivities, `${path}.contextActivities`);
  for (const key of ["revision", "platform"] as const) {
    if (o[key] === undefined) continue;
    string(o[key], `${path}.${key}`);
    if (!objectIsActivity) throw invalid(`${path}.${key}`, "is only allowed when the statement's object is an activity");
  }
  if (o.language !== undefined && !(typeof o.language === "string" && LANGUAGE_TAG.test(o.language)))
    throw invalid(`${path}.language`, "must be an RFC 5646 language tag");
  if (o.statement !== undefined) {
    const ref = object(o.statement, `${path}.statement`);
    if (ref.objectType !== "StatementRef") throw invalid(`${path}.statement.objectType`, 'must be "StatementRef"');
    statementRef(ref, `${path}.statement`);
  }
  if (o.extensions !== undefined) extensions(o.extensions, `${path}.extensions`);
}

function attachments(v: unknown, path: string) {
  if (!Array.isArray(v)) throw invalid(path, "must be an array");
  v.forEach((a, i) => {
    const p = `${path}[${i}]`;
    const o = object(a, p);
    only(o, p, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]);
    iri(o.usageType, `${p}.usageType`);
    languageMap(o.display, `${p}.display`);
    if (o.description !== undefined) languageMap(o.description, `${p}.description`);
    string(o.contentType, `${p}.contentType`);
    if (!Number.isInteger(o.length) || (o.length as number) < 0) throw invalid(`${p}.length`, "must be a whole number of bytes");
    string(o.sha2, `${p}.sha2`);
    if (o.sha2 === "" || !/^[0-9a-f]+$/i.test(o.sha2 as string)) throw invalid(`${p}.sha2`, "must be the content's SHA-2 in hex");
    // Without a fileUrl, the content must come in the same multipart request (checked when storing).
    if (o.fileUrl !== undefined) iri(o.fileUrl, `${p}.fileUrl`);
  });
}

/** What the statement's object is, with its objectType checked. */
function statementObject(v: unknown, path: string, inSubStatement: boolean): string {
  const o = object(v, path);
  const type = o.objectType ?? "Activity";
  switch (type) {
    case "Activity":
      activity(o, path);
      break;
    case "Agent":
    case "Group":
      actor(o, path, true);
      break;
    case "StatementRef":
      statementRef(o, path);
      break;
    case "SubStatement":
      if (inSubStatement) throw invalid(`${path}.objectType`, "a sub-statement cannot contain another sub-statement");
      subStatement(o, path);
      break;
    default:
      throw invalid(`${path}.objectType`, 'must be "Activity", "Agent", "Group", "StatementRef" or "SubStatement"');
  }
  return type as string;
}

function core(o: Obj, path: string, inSubStatement: boolean) {
  if (o.actor === undefined) throw invalid(`${path}.actor`, "is required");
  actor(o.actor, `${path}.actor`);
  if (o.verb === undefined) throw invalid(`${path}.verb`, "is required");
  verb(o.verb, `${path}.verb`);
  if (o.object === undefined) throw invalid(`${path}.object`, "is required");
  const type = statementObject(o.object, `${path}.object`, inSubStatement);
  if (o.result !== undefined) result(o.result, `${path}.result`);
  if (o.context !== undefined) context(o.context, `${path}.context`, type === "Activity");
  if (o.timestamp !== undefined) timestamp(o.timestamp, `${path}.timestamp`);
  if (o.attachments !== undefined) attachments(o.attachments, `${path}.attachments`);
  if ((o.verb as Obj).id === VOIDED && type !== "StatementRef")
    throw invalid(`${path}.object`, "a voiding statement's object must be a StatementRef to the statement it voids");
}

function subStatement(o: Obj, path: string) {
  only(o, path, ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"]);
  core(o, path, true);
}

/** An authority is an Agent, or (OAuth's tool + user) an anonymous group of exactly two agents. */
function authority(v: unknown, path: string) {
  actor(v, path);
  const o = v as Obj;
  if (o.objectType !== "Group") return;
  if (IFIS.some((k) => o[k] !== undefined)) throw invalid(path, "a group as authority must be anonymous (no identifier)");
  if (!Array.isArray(o.member) || o.member.length !== 2)
    throw invalid(`${path}.member`, "a group as authority must have exactly two agents");
}

/** Validates one statement as received; throws XapiError(400) naming the first problem. */
export function validateStatement(v: unknown, path = "statement") {
  const o = object(v, path);
  only(o, path, ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"]);
  if (o.id !== undefined) uuid(o.id, `${path}.id`);
  core(o, path, false);
  if (o.stored !== undefined) timestamp(o.stored, `${path}.stored`);
  if (o.authority !== undefined) authority(o.authority, `${path}.authority`);
  if (o.version !== undefined && !(typeof o.version === "string" && /^(1\.0(\.\d+)?|2\.0\.\d+)$/.test(o.version)))
    throw invalid(`${path}.version`, 'must be "1.0.x" (or "2.0.0")');
}
