// Planning people (users.csv): accounts, their memberships (one per org and role), the
// students' grade, and guardian links from agentSourcedIds in both directions. A person
// dropped from a later bulk users.csv loses the memberships the roster gave (their records
// stay); a roster link that is no longer given is removed.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { partial, plural, resolver, type PlanContext, type Resolved, type UserRef, type UserRow } from "./plan-context";
import { GUARDIAN_ROLES, ROSTER_SOURCE, USER_ROLES, type UserRole } from "./spec";
import type { DistrictState } from "./state";
import { emailOf, gradeLevel, list, nameOf } from "./values";

const MEMBERSHIP_ROLE: Record<Exclude<UserRole, "proctor">, Role> = {
  student: "STUDENT",
  teacher: "TEACHER",
  // Aides work in classrooms: a teacher's membership, enrolled as AIDE.
  aide: "TEACHER",
  administrator: "ADMIN",
  parent: "GUARDIAN",
  guardian: "GUARDIAN",
  relative: "GUARDIAN",
};

const RELATIONSHIP: Partial<Record<UserRole, string>> = { parent: "Parent", guardian: "Guardian", relative: "Relative" };

type DbUser = DistrictState["users"][number];
type DbMembership = DistrictState["memberships"][number];

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Why a users.csv row cannot be imported, or null. */
function userProblem(
  v: Readonly<Record<string, string>>,
  email: string | null,
  found: {
    badOrg: Resolved<unknown> | undefined;
    bySid: DbUser | undefined;
    holder: DbUser | undefined;
    emailLine: ReadonlyMap<string, number>;
    emailsElsewhere: ReadonlySet<string>;
  },
): string | null {
  const enabled = (v.enabledUser ?? "").toLowerCase();
  if (enabled !== "true" && enabled !== "false") return `enabledUser is "${v.enabledUser}"; it must be true or false.`;
  if (!v.email) return "Missing email: Pathways needs an email address to sign a person in.";
  if (!email) return `email "${v.email}" is not an email address.`;
  if (found.emailLine.has(email)) return `email ${email} is also used on line ${found.emailLine.get(email)}.`;
  if (found.emailsElsewhere.has(email)) return `email ${email} belongs to a person in another district, who is left alone.`;
  if (found.badOrg && !found.badOrg.ok) return `orgSourcedIds: ${found.badOrg.reason}.`;
  const { bySid, holder } = found;
  if (holder && bySid && holder.id !== bySid.id) return `email ${email} already belongs to another person of the district.`;
  if (holder && !bySid && holder.sourcedId)
    return `email ${email} already belongs to another person, imported with sourcedId "${holder.sourcedId}".`;
  return null;
}

/** Plans users.csv; returns the ids of the people it deactivates. */
export function planUsers(ctx: PlanContext, emailsElsewhere: ReadonlySet<string>): Set<string> {
  const { state, problems, counts, changes } = ctx;
  const bySourcedId = new Map<string, DbUser>();
  const byEmail = new Map<string, DbUser>();
  for (const u of state.users) {
    byEmail.set(u.email, u);
    if (u.source === ROSTER_SOURCE && u.sourcedId) bySourcedId.set(u.sourcedId, u);
  }
  const membershipsOf = groupBy(state.memberships, (m) => m.userId);
  const profiles = new Map(state.profiles.map((p) => [p.userId, p.gradeLevel]));
  const emailLine = new Map<string, number>();
  const proctors = new Set<string>();
  const tally = { passwords: 0, reenable: 0, handEnded: 0, noGrade: 0 };

  for (const row of ctx.parsed.rows.users) {
    if (row.deleted) continue;
    const v = row.values;
    const role = (v.role ?? "").toLowerCase() as UserRole;
    const fail = (reason: string) => problems.row("users", row, reason);
    if (!USER_ROLES.includes(role)) {
      fail(`role is "${v.role}"; it must be one of ${USER_ROLES.join(", ")}.`);
      continue;
    }
    if (role === "proctor") {
      proctors.add(row.sourcedId);
      continue;
    }
    if (v.password) tally.passwords++;
    const email = emailOf(v.email ?? "");
    const orgs = list(v.orgSourcedIds).map((sid) => ctx.refs.org(sid));
    const badOrg = orgs.find((o) => !o.ok);
    const bySid = bySourcedId.get(row.sourcedId);
    const holder = email ? byEmail.get(email) : undefined;
    const problem = userProblem(v, email, { badOrg, bySid, holder, emailLine, emailsElsewhere });
    if (problem || !email) {
      fail(problem ?? "");
      continue;
    }
    // A hand-made account (no sourcedId) with this email is the same person: adopted.
    const existing = bySid ?? holder;
    emailLine.set(email, row.line);
    const id = existing?.id ?? randomUUID();
    const want: UserRow = { id, email, name: nameOf(v), sourcedId: row.sourcedId, disable: v.enabledUser?.toLowerCase() === "false" };
    ctx.users.set(row.sourcedId, { id, sourcedId: row.sourcedId, line: row.line, role, agents: list(v.agentSourcedIds) });
    let changed = false;
    if (!existing) {
      changes.users.create.push(want);
    } else {
      const disable = want.disable && !existing.disabled;
      if (existing.sourcedId !== row.sourcedId || disable || existing.email !== email || existing.name !== want.name) {
        changes.users.update.push({ ...want, disable });
        changed = true;
      }
      if (!want.disable && existing.disabled) tally.reenable++;
    }
    const orgIds = new Set(orgs.flatMap((o) => (o.ok ? [o.value.id] : [])));
    const have = existing ? (membershipsOf.get(existing.id) ?? []) : [];
    if (planMemberships(ctx, id, MEMBERSHIP_ROLE[role], orgIds, have, tally)) changed = true;
    if (role === "student") {
      const grade = gradeLevel(v.grades);
      const current = existing ? profiles.get(existing.id) : undefined;
      if (grade === null && current === undefined) tally.noGrade++;
      else if (grade !== null && current === undefined) changes.profiles.create.push({ userId: id, gradeLevel: grade });
      else if (grade !== null && current !== grade) changes.profiles.update.push({ userId: id, gradeLevel: grade });
      if (grade !== null && current !== grade) changed = true;
    }
    if (!existing) counts.people.created++;
    else if (changed) counts.people.updated++;
    else counts.people.unchanged++;
  }

  const deactivated = deactivateUsers(ctx, bySourcedId, membershipsOf);
  if (proctors.size) problems.note(`${plural(proctors.size, "proctor is", "proctors are")} not imported: Pathways has no proctor role.`);
  if (tally.passwords)
    problems.note("Passwords in users.csv are never imported: people sign in with single sign-on or a password-reset link.");
  if (tally.reenable) {
    problems.note(
      `${plural(tally.reenable, "person is", "people are")} enabled in users.csv but disabled in Pathways. A roster never re-enables an account: an administrator does, on the People page.`,
    );
  }
  if (tally.handEnded)
    problems.note(
      `${plural(tally.handEnded, "role", "roles")} ended by an administrator in Pathways ${tally.handEnded === 1 ? "is" : "are"} not restored by the roster.`,
    );
  if (tally.noGrade)
    problems.note(
      `${plural(tally.noGrade, "student has", "students have")} no grade Pathways reads (PK, KG, 01–12): no grade is recorded for them.`,
    );

  defineUserRefs(ctx, bySourcedId, membershipsOf, proctors);
  return deactivated;
}

/**
 * One membership per org for the person's role. Roster memberships no longer given end;
 * hand-made ones are the administrators' and left alone. Says whether anything changes.
 */
function planMemberships(
  ctx: PlanContext,
  userId: string,
  role: Role,
  orgIds: ReadonlySet<string>,
  have: readonly DbMembership[],
  tally: { handEnded: number },
): boolean {
  const { memberships } = ctx.changes;
  let changed = false;
  for (const organizationId of orgIds) {
    const m = have.find((h) => h.organizationId === organizationId && h.role === role);
    if (!m) {
      memberships.create.push({ id: randomUUID(), userId, organizationId, role });
      changed = true;
    } else if (m.ended && m.roster) {
      memberships.reactivate.push(m.id);
      changed = true;
    } else if (m.ended) tally.handEnded++;
  }
  for (const m of have) {
    if (m.roster && !m.ended && !(m.role === role && orgIds.has(m.organizationId))) {
      memberships.end.push(m.id);
      changed = true;
    }
  }
  return changed;
}

/** Ends the roster memberships of people the export drops (bulk) or marks tobedeleted. */
function deactivateUsers(ctx: PlanContext, bySourcedId: Map<string, DbUser>, membershipsOf: Map<string, DbMembership[]>): Set<string> {
  const mode = ctx.parsed.modes.users;
  const deactivated = new Set<string>();
  if (mode === "absent") return deactivated;
  // A row with a problem keeps its person exactly as they are.
  const listed = new Set([...ctx.users.keys(), ...ctx.problems.failed.users.keys()]);
  const deactivate = (userId: string) => {
    const active = (membershipsOf.get(userId) ?? []).filter((m) => m.roster && !m.ended);
    if (!active.length || deactivated.has(userId)) return;
    ctx.changes.memberships.end.push(...active.map((m) => m.id));
    ctx.counts.people.deactivated++;
    deactivated.add(userId);
  };
  if (mode === "bulk") {
    for (const [sourcedId, user] of bySourcedId) if (!listed.has(sourcedId)) deactivate(user.id);
  }
  for (const row of ctx.parsed.rows.users) {
    const user = row.deleted ? bySourcedId.get(row.sourcedId) : undefined;
    if (user) deactivate(user.id);
  }
  return deactivated;
}

function defineUserRefs(
  ctx: PlanContext,
  bySourcedId: Map<string, DbUser>,
  membershipsOf: Map<string, DbMembership[]>,
  proctors: Set<string>,
) {
  const fromFile = new Map<string, UserRef>();
  for (const u of ctx.users.values()) {
    fromFile.set(u.sourcedId, { id: u.id, role: u.role, guardian: GUARDIAN_ROLES.includes(u.role), student: u.role === "student" });
  }
  let fromDb: Map<string, UserRef> | null = null;
  if (partial(ctx, "users")) {
    fromDb = new Map();
    for (const [sourcedId, user] of bySourcedId) {
      const active = (membershipsOf.get(user.id) ?? []).filter((m) => !m.ended);
      fromDb.set(sourcedId, {
        id: user.id,
        role: null,
        guardian: active.some((m) => m.role === "GUARDIAN"),
        student: active.some((m) => m.role === "STUDENT"),
      });
    }
  }
  ctx.refs.user = resolver(ctx.problems, "users", "user", fromFile, fromDb, (sid) =>
    proctors.has(sid) ? `user "${sid}" is a proctor, whom Pathways does not import` : null,
  );
}

/**
 * Guardian links from agentSourcedIds, on the student's row, the guardian's, or both (the
 * union). A link the roster gave and no longer gives is removed; hand-made links stay.
 */
export function planLinks(ctx: PlanContext, deactivated: ReadonlySet<string>) {
  const { state, problems, counts, changes } = ctx;
  const mode = ctx.parsed.modes.users;
  if (mode === "absent") return;
  const wanted = new Map<string, { guardianId: string; studentId: string; relationship: string }>();
  let staffAgents = 0;
  for (const u of ctx.users.values()) {
    if (!u.agents.length) continue;
    const isStudent = u.role === "student";
    if (!isStudent && !GUARDIAN_ROLES.includes(u.role)) {
      staffAgents++;
      continue;
    }
    for (const agent of u.agents) {
      const other = ctx.refs.user(agent);
      const fits = other.ok && (isStudent ? other.value.guardian : other.value.student);
      if (!other.ok || !fits) {
        const who = other.ok && other.value.role ? `${/^[aeiou]/.test(other.value.role) ? "an" : "a"} ${other.value.role}` : "someone else";
        const why = other.ok ? `user "${agent}" is ${who}, not ${isStudent ? "a parent or guardian" : "a student"}` : other.reason;
        problems.row("users", { line: u.line }, `agentSourcedIds: ${why}; this ${u.role} is imported without that link.`);
        continue;
      }
      const [guardianId, studentId, role] = isStudent ? [other.value.id, u.id, other.value.role] : [u.id, other.value.id, u.role];
      const key = `${guardianId}|${studentId}`;
      if (!wanted.has(key)) wanted.set(key, { guardianId, studentId, relationship: (role && RELATIONSHIP[role]) ?? "Parent" });
    }
  }
  if (staffAgents)
    problems.note(
      `agentSourcedIds on ${plural(staffAgents, "staff row is", "staff rows are")} ignored: only students and their guardians are linked.`,
    );

  const existing = new Map(state.links.map((l) => [`${l.guardianId}|${l.studentId}`, l]));
  for (const [key, want] of wanted) {
    const link = existing.get(key);
    if (!link) {
      changes.links.create.push({ id: randomUUID(), ...want });
      counts.guardianLinks.created++;
    } else if (link.roster && link.relationship !== want.relationship) {
      changes.links.update.push({ id: link.id, relationship: want.relationship });
      counts.guardianLinks.updated++;
    } else counts.guardianLinks.unchanged++;
  }
  const sourcedIdOf = new Map(state.users.map((u) => [u.id, u.sourcedId]));
  const failed = (userId: string) => {
    const sid = sourcedIdOf.get(userId);
    return !!sid && ctx.problems.failed.users.has(sid);
  };
  for (const link of state.links) {
    const key = `${link.guardianId}|${link.studentId}`;
    if (!link.roster || wanted.has(key) || failed(link.guardianId) || failed(link.studentId)) continue;
    // A delta file only ends the links of the people it deletes.
    if (mode === "delta" && !deactivated.has(link.guardianId) && !deactivated.has(link.studentId)) continue;
    changes.links.remove.push(link.id);
    counts.guardianLinks.deactivated++;
  }
}
