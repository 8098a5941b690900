// The statement formats a reader may ask for: exact (as stored), ids (agents, activities and verbs
// reduced to their identifiers) and canonical (each language map reduced to the reader's language).
type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

export type Format = "exact" | "ids" | "canonical";

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;

function actorIds(v: unknown): unknown {
  const o = asObj(v);
  if (!o) return v;
  const out: Obj = { objectType: o.objectType ?? "Agent" };
  for (const k of IFIS) if (o[k] !== undefined) out[k] = o[k];
  if (o.objectType === "Group" && Array.isArray(o.member) && !IFIS.some((k) => o[k] !== undefined)) out.member = o.member.map(actorIds);
  return out;
}

const activityIds = (v: unknown) => {
  const o = asObj(v);
  return o ? { id: o.id } : v;
};

function idsOf(s: Obj): Obj {
  const out: Obj = { ...s, actor: actorIds(s.actor), verb: { id: asObj(s.verb)?.id } };
  const object = asObj(s.object);
  const type = object?.objectType ?? "Activity";
  if (type === "Activity") out.object = activityIds(object);
  else if (type === "Agent" || type === "Group") out.object = actorIds(object);
  else if (type === "SubStatement") out.object = idsOf(object as Obj);
  const context = asObj(s.context);
  if (context) {
    const c: Obj = { ...context };
    if (context.instructor) c.instructor = actorIds(context.instructor);
    if (context.team) c.team = actorIds(context.team);
    const ca = asObj(context.contextActivities);
    if (ca)
      c.contextActivities = Object.fromEntries(
        Object.entries(ca).map(([k, list]) => [k, Array.isArray(list) ? list.map(activityIds) : [activityIds(list)]]),
      );
    out.context = c;
  }
  if (s.authority) out.authority = actorIds(s.authority);
  return out;
}

/** The reader's languages from Accept-Language, best first. */
export function languagesOf(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: (tag ?? "").trim().toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

function oneLanguage(map: unknown, languages: readonly string[]): unknown {
  const o = asObj(map);
  if (!o) return map;
  const tags = Object.keys(o);
  const pick =
    languages
      .map((l) => tags.find((t) => t.toLowerCase() === l) ?? tags.find((t) => t.toLowerCase().split("-")[0] === l.split("-")[0]))
      .find(Boolean) ??
    tags.find((t) => /^en(-|$)/i.test(t)) ??
    tags[0];
  return pick === undefined ? {} : { [pick]: o[pick] };
}

function canonicalActivity(v: unknown, languages: readonly string[]): unknown {
  const o = asObj(v);
  const d = asObj(o?.definition);
  if (!o || !d) return v;
  const definition: Obj = { ...d };
  for (const k of ["name", "description"]) if (d[k]) definition[k] = oneLanguage(d[k], languages);
  for (const k of ["choices", "scale", "source", "target", "steps"])
    if (Array.isArray(d[k]))
      definition[k] = (d[k] as unknown[]).map((c) => {
        const co = asObj(c);
        return co?.description ? { ...co, description: oneLanguage(co.description, languages) } : c;
      });
  return { ...o, definition };
}

function canonicalOf(s: Obj, languages: readonly string[]): Obj {
  const out: Obj = { ...s };
  const verb = asObj(s.verb);
  if (verb?.display) out.verb = { ...verb, display: oneLanguage(verb.display, languages) };
  const object = asObj(s.object);
  const type = object?.objectType ?? "Activity";
  if (type === "Activity") out.object = canonicalActivity(object, languages);
  else if (type === "SubStatement") out.object = canonicalOf(object as Obj, languages);
  const ca = asObj(asObj(s.context)?.contextActivities);
  if (ca)
    out.context = {
      ...asObj(s.context),
      contextActivities: Object.fromEntries(
        Object.entries(ca).map(([k, list]) => [k, (Array.isArray(list) ? list : [list]).map((a) => canonicalActivity(a, languages))]),
      ),
    };
  if (Array.isArray(s.attachments))
    out.attachments = s.attachments.map((a) => {
      const ao = asObj(a) ?? {};
      return {
        ...ao,
        display: oneLanguage(ao.display, languages),
        ...(ao.description ? { description: oneLanguage(ao.description, languages) } : {}),
      };
    });
  return out;
}

export function formatStatement(s: Obj, format: Format, languages: readonly string[] = []): Obj {
  if (format === "ids") return idsOf(s);
  if (format === "canonical") return canonicalOf(s, languages);
  return s;
}
