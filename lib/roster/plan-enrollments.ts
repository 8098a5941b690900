// Planning enrollments.csv. An enrollment a later bulk file drops is ended, never deleted:
// its last day becomes yesterday, so current() (lib/people/access.ts, which counts an
// enrollment through its last day) stops counting it from today. Re-appearing restores it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { EnrollmentRole } from "@/lib/generated/prisma/enums.ts";
import { plural, type EnrollmentRow, type PlanContext } from "./plan-context";
import { isoDate } from "./values";

type DbEnrollment = PlanContext["state"]["enrollments"][number];

const keyOf = (e: { classId: string; userId: string; role: EnrollmentRole }) => `${e.classId}|${e.userId}|${e.role}`;

export function planEnrollments(ctx: PlanContext) {
  const { state, problems, counts, changes } = ctx;
  const mode = ctx.parsed.modes.enrollments;
  if (mode === "absent") return;
  const rows = ctx.parsed.rows.enrollments;
  const bySourcedId = new Map<string, DbEnrollment>();
  const byKey = new Map<string, DbEnrollment>();
  for (const e of state.enrollments) {
    if (e.roster && e.sourcedId) bySourcedId.set(e.sourcedId, e);
    byKey.set(keyOf(e), e);
  }
  // Every sourcedId the file names, with or without a problem: none of those is ended.
  const listed = new Set([...rows.map((r) => r.sourcedId), ...problems.failed.enrollments.keys()]);
  const keyLine = new Map<string, number>();
  const matched = new Set<string>();
  let ignored = 0;

  for (const row of rows) {
    if (row.deleted) continue;
    const v = row.values;
    const fail = (reason: string) => problems.row("enrollments", row, reason);
    const given = (v.role ?? "").toLowerCase();
    if (given === "administrator" || given === "proctor") {
      ignored++;
      continue;
    }
    const klass = ctx.refs.class(v.classSourcedId ?? "");
    const school = ctx.refs.org(v.schoolSourcedId ?? "");
    const user = ctx.refs.user(v.userSourcedId ?? "");
    const beginsOn = v.beginDate ? isoDate(v.beginDate) : null;
    const endsOn = v.endDate ? isoDate(v.endDate) : null;
    if (given !== "student" && given !== "teacher" && given !== "aide") {
      fail(`role is "${v.role}"; it must be student, teacher, administrator or proctor.`);
    } else if (!klass.ok) fail(`classSourcedId: ${klass.reason}.`);
    else if (!school.ok) fail(`schoolSourcedId: ${school.reason}.`);
    else if (school.value.id !== klass.value.schoolId)
      fail(`schoolSourcedId "${v.schoolSourcedId}" is not the school of class "${v.classSourcedId}".`);
    else if (!user.ok) fail(`userSourcedId: ${user.reason}.`);
    else if (v.beginDate && !beginsOn) fail(`beginDate "${v.beginDate}" is not a date (YYYY-MM-DD).`);
    else if (v.endDate && !endsOn) fail(`endDate "${v.endDate}" is not a date (YYYY-MM-DD).`);
    else if (beginsOn && endsOn && endsOn < beginsOn) fail(`endDate ${endsOn} is before beginDate ${beginsOn}.`);
    else {
      const role: EnrollmentRole = given === "student" ? "STUDENT" : given === "aide" || user.value.role === "aide" ? "AIDE" : "TEACHER";
      const want: Omit<EnrollmentRow, "id"> = {
        classId: klass.value.id,
        userId: user.value.id,
        role,
        beginsOn,
        endsOn,
        sourcedId: row.sourcedId,
      };
      const key = keyOf(want);
      const holder = byKey.get(key);
      let existing = bySourcedId.get(row.sourcedId);
      if (keyLine.has(key)) {
        fail(`The same person has this role in this class on line ${keyLine.get(key)}.`);
        continue;
      }
      if (existing && holder && holder.id !== existing.id) {
        fail(`The person already has this role in this class (another enrollment${holder.sourcedId ? `, "${holder.sourcedId}"` : ""}).`);
        continue;
      }
      if (!existing && holder) {
        // A hand-made enrollment, or one the student information system gave a new sourcedId, is taken over.
        if (holder.roster && holder.sourcedId && listed.has(holder.sourcedId)) {
          fail(`The person already has this role in this class (enrollment "${holder.sourcedId}").`);
          continue;
        }
        existing = holder;
      }
      keyLine.set(key, row.line);
      if (!existing) {
        changes.enrollments.create.push({ id: randomUUID(), ...want });
        counts.enrollments.created++;
        continue;
      }
      matched.add(existing.id);
      const same =
        existing.roster &&
        keyOf(existing) === key &&
        existing.sourcedId === want.sourcedId &&
        existing.beginsOn === want.beginsOn &&
        existing.endsOn === want.endsOn;
      if (same) counts.enrollments.unchanged++;
      else {
        changes.enrollments.update.push({ id: existing.id, ...want });
        counts.enrollments.updated++;
      }
    }
  }
  if (ignored)
    problems.note(
      `${plural(ignored, "administrator or proctor enrollment is", "administrator and proctor enrollments are")} not imported: Pathways enrolls students, teachers and aides.`,
    );

  // Ending: what a bulk file no longer lists, and what any file marks tobedeleted.
  const counting = (e: DbEnrollment) => e.endsOn === null || e.endsOn >= ctx.today;
  const end = (e: DbEnrollment) => {
    if (matched.has(e.id) || !counting(e)) return;
    matched.add(e.id);
    changes.enrollments.end.push(e.id);
    counts.enrollments.deactivated++;
  };
  if (mode === "bulk") for (const e of state.enrollments) if (e.roster && !(e.sourcedId && listed.has(e.sourcedId))) end(e);
  for (const row of rows) {
    const e = row.deleted ? bySourcedId.get(row.sourcedId) : undefined;
    if (e) end(e);
  }
}
