// The columns a statement's filters use, computed once when it is stored: an agent's identifier
// as one string, and every agent and activity it names (for related_agents / related_activities).

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

/** The agent's or identified group's identifier as one string; null for an anonymous group. */
export function agentKey(v: unknown): string | null {
  const o = asObj(v);
  if (!o) return null;
  if (typeof o.mbox === "string") return `mbox:${o.mbox.toLowerCase()}`;
  if (typeof o.mbox_sha1sum === "string") return `sha1:${o.mbox_sha1sum.toLowerCase()}`;
  if (typeof o.openid === "string") return `openid:${o.openid}`;
  const account = asObj(o.account);
  if (account) return `account:${String(account.homePage)} ${String(account.name)}`;
  return null;
}

/** The marker under which the object's agent is kept in relatedAgentKeys: the plain `agent` filter matches actor or object. */
export const objectAgentKey = (key: string) => `object ${key}`;

type Related = { agents: Set<string>; activities: Set<string> };

function addActor(v: unknown, into: Related) {
  const key = agentKey(v);
  if (key) into.agents.add(key);
  const members = asObj(v)?.member;
  if (Array.isArray(members)) for (const m of members) addActor(m, into);
}

function addActivities(v: unknown, into: Related) {
  for (const a of Array.isArray(v) ? v : [v]) {
    const id = asObj(a)?.id;
    if (typeof id === "string") into.activities.add(id);
  }
}

function collect(s: Obj, into: Related) {
  addActor(s.actor, into);
  const object = asObj(s.object);
  const type = object?.objectType ?? "Activity";
  if (type === "Activity") addActivities(object, into);
  else if (type === "Agent" || type === "Group") addActor(object, into);
  else if (type === "SubStatement" && object) collect(object, into);
  const context = asObj(s.context);
  if (context) {
    addActor(context.instructor, into);
    addActor(context.team, into);
    const ca = asObj(context.contextActivities);
    if (ca) for (const list of Object.values(ca)) addActivities(list, into);
  }
  addActor(s.authority, into);
}

export type StatementKeys = {
  verbId: string;
  actorKey: string;
  relatedAgentKeys: string[];
  activityId: string | null;
  relatedActivityIds: string[];
  registration: string | null;
  voidsId: string | null;
};

/** The filter columns of a validated statement. */
export function keysOf(s: Obj): StatementKeys {
  const related: Related = { agents: new Set(), activities: new Set() };
  collect(s, related);
  const object = asObj(s.object) ?? {};
  const type = object.objectType ?? "Activity";
  const objectAgent = type === "Agent" || type === "Group" ? agentKey(object) : null;
  if (objectAgent) related.agents.add(objectAgentKey(objectAgent));
  const verbId = String(asObj(s.verb)?.id);
  const registration = asObj(s.context)?.registration;
  return {
    verbId,
    // An anonymous group as actor has no identifier: it is found through its members.
    actorKey: agentKey(s.actor) ?? "group:anonymous",
    relatedAgentKeys: [...related.agents],
    activityId: type === "Activity" ? String(object.id) : null,
    relatedActivityIds: [...related.activities],
    registration: typeof registration === "string" ? registration.toLowerCase() : null,
    voidsId: verbId === "http://adlnet.gov/expapi/verbs/voided" && typeof object.id === "string" ? object.id.toLowerCase() : null,
  };
}
