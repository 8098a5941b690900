// Planning the district's structure: schools (orgs.csv), terms (academicSessions.csv, one
// Term per school that has a class in the session), courses and classes. These are kept
// when a later export no longer lists them; only people, enrollments and links end.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  partial,
  plural,
  resolver,
  type ClassRow,
  type CourseRow,
  type OrgRef,
  type PlanContext,
  type SessionRef,
  type TermRow,
} from "./plan-context";
import { FILE_NAME, ORG_TYPES, SESSION_TYPES } from "./spec";
import { gradeLevel, isoDate, list, subjectOf } from "./values";

function noteKept(ctx: PlanContext, file: "orgs" | "courses" | "classes", what: [string, string], known: { sourcedId: string }[]) {
  if (ctx.parsed.modes[file] !== "bulk") return;
  const listed = new Set([...ctx.parsed.rows[file].map((r) => r.sourcedId), ...ctx.problems.failed[file].keys()]);
  const missing = known.filter((k) => !listed.has(k.sourcedId)).length;
  if (missing) {
    ctx.problems.note(
      `${plural(missing, ...what)} imported before ${missing === 1 ? "is" : "are"} not in ${FILE_NAME[file]}: Pathways keeps them.`,
    );
  }
}

function noteDeleted(ctx: PlanContext, file: "orgs" | "academicSessions" | "courses" | "classes") {
  const n = ctx.parsed.rows[file].filter((r) => r.deleted).length;
  if (n)
    ctx.problems.note(
      `${plural(n, "row", "rows")} of ${FILE_NAME[file]} marked tobedeleted ${n === 1 ? "is" : "are"} ignored: Pathways keeps schools, terms, courses and classes.`,
    );
}

export function planOrgs(ctx: PlanContext) {
  const { state, problems, counts, changes } = ctx;
  const district = state.district;
  const fromFile = new Map<string, OrgRef>();
  const ignored = new Map<string, string>();
  const departments = new Map<string, string>();
  const known = new Map(state.orgs.map((o) => [o.sourcedId, o]));
  const fromDb = new Map<string, OrgRef>(state.orgs.map((o) => [o.sourcedId, { id: o.id, type: o.type }]));
  if (district.sourcedId) fromDb.set(district.sourcedId, { id: district.id, type: "DISTRICT" });
  // The district's own sourcedId always names it, even in an export without its row.
  if (district.sourcedId) fromFile.set(district.sourcedId, { id: district.id, type: "DISTRICT" });
  let districtLine: number | null = null;
  for (const row of ctx.parsed.rows.orgs) {
    if (row.deleted) continue;
    const type = (row.values.type ?? "").toLowerCase();
    if (!(ORG_TYPES as readonly string[]).includes(type)) {
      problems.row("orgs", row, `type is "${row.values.type}"; it must be one of ${ORG_TYPES.join(", ")}.`);
    } else if (type === "district") {
      if (districtLine !== null) {
        problems.row("orgs", row, `A second district (the first is on line ${districtLine}): one export is for one district.`);
        continue;
      }
      districtLine = row.line;
      if (!district.sourcedId) {
        changes.claimDistrict = row.sourcedId;
        counts.organizations.updated++;
      } else if (district.sourcedId === row.sourcedId) {
        counts.organizations.unchanged++;
      } else {
        problems.fileErrors.push({
          file: FILE_NAME.orgs,
          line: row.line,
          reason: `This export is for the district "${row.values.name}" (sourcedId "${row.sourcedId}"), but ${district.name} was imported from sourcedId "${district.sourcedId}". Import it into its own district.`,
        });
      }
      fromFile.set(row.sourcedId, { id: district.id, type: "DISTRICT" });
    } else if (type === "school") {
      const existing = known.get(row.sourcedId);
      const name = row.values.name ?? "";
      if (!existing) {
        const id = randomUUID();
        changes.schools.create.push({ id, name, sourcedId: row.sourcedId });
        counts.organizations.created++;
        fromFile.set(row.sourcedId, { id, type: "SCHOOL" });
      } else {
        if (existing.name !== name) {
          changes.schools.update.push({ id: existing.id, name });
          counts.organizations.updated++;
        } else counts.organizations.unchanged++;
        fromFile.set(row.sourcedId, { id: existing.id, type: "SCHOOL" });
      }
    } else if (type === "department") {
      departments.set(row.sourcedId, row.values.parentSourcedId ?? "");
    } else {
      ignored.set(row.sourcedId, type);
    }
  }
  // A department stands for its school: people and classes in it belong to that school.
  for (const [sourcedId, parent] of departments) {
    const school = fromFile.get(parent) ?? (partial(ctx, "orgs") ? fromDb.get(parent) : undefined);
    if (school?.type === "SCHOOL") fromFile.set(sourcedId, school);
    else ignored.set(sourcedId, "department");
  }
  if (departments.size) problems.note(`${plural(departments.size, "department is", "departments are")} read as the school they belong to.`);
  const skipped = [...ignored.values()].filter((t) => t !== "department").length;
  if (skipped)
    problems.note(
      `${plural(skipped, "org", "orgs")} of type local, state or national ${skipped === 1 ? "is" : "are"} not imported: Pathways has a district and its schools.`,
    );
  noteDeleted(ctx, "orgs");
  noteKept(
    ctx,
    "orgs",
    ["school", "schools"],
    state.orgs.filter((o) => o.type === "SCHOOL"),
  );
  ctx.refs.org = resolver(problems, "orgs", "org", fromFile, partial(ctx, "orgs") ? fromDb : null, (sid) => {
    const type = ignored.get(sid);
    return type ? `org "${sid}" is a ${type}, which Pathways does not import` : null;
  });
}

export function planSessions(ctx: PlanContext) {
  const fromFile = new Map<string, SessionRef>();
  for (const row of ctx.parsed.rows.academicSessions) {
    if (row.deleted) continue;
    const v = row.values;
    const startsOn = isoDate(v.startDate ?? "");
    const endsOn = isoDate(v.endDate ?? "");
    if (!(SESSION_TYPES as readonly string[]).includes(v.type ?? "")) {
      ctx.problems.row("academicSessions", row, `type is "${v.type}"; it must be one of ${SESSION_TYPES.join(", ")}.`);
    } else if (!startsOn || !endsOn) {
      ctx.problems.row(
        "academicSessions",
        row,
        `${startsOn ? "endDate" : "startDate"} "${startsOn ? v.endDate : v.startDate}" is not a date (YYYY-MM-DD).`,
      );
    } else if (endsOn < startsOn) {
      ctx.problems.row("academicSessions", row, `endDate ${endsOn} is before startDate ${startsOn}.`);
    } else {
      fromFile.set(row.sourcedId, { title: v.title ?? "", startsOn, endsOn });
    }
  }
  noteDeleted(ctx, "academicSessions");
  const fromDb = new Map<string, SessionRef>();
  for (const t of ctx.state.terms)
    if (!fromDb.has(t.sourcedId)) fromDb.set(t.sourcedId, { title: t.name, startsOn: t.startsOn, endsOn: t.endsOn });
  ctx.refs.session = resolver(
    ctx.problems,
    "academicSessions",
    "academic session",
    fromFile,
    partial(ctx, "academicSessions") ? fromDb : null,
  );
  const used = new Set<string>();
  const session = ctx.refs.session;
  ctx.refs.session = (sid) => {
    used.add(sid);
    return session(sid);
  };
  return () => {
    const unused = [...fromFile.keys()].filter((sid) => !used.has(sid)).length;
    if (unused)
      ctx.problems.note(
        `${plural(unused, "academic session is", "academic sessions are")} not the first term of any class, so not stored.`,
      );
  };
}

export function planCourses(ctx: PlanContext) {
  const { problems, counts, changes } = ctx;
  const known = new Map(ctx.state.courses.map((c) => [c.sourcedId, c]));
  const fromFile = new Map<string, { id: string; schoolId: string }>();
  for (const row of ctx.parsed.rows.courses) {
    if (row.deleted) continue;
    const v = row.values;
    const org = ctx.refs.org(v.orgSourcedId ?? "");
    if (!org.ok) {
      problems.row("courses", row, `orgSourcedId: ${org.reason}.`);
      continue;
    }
    const existing = known.get(row.sourcedId);
    const want: CourseRow = {
      id: existing?.id ?? randomUUID(),
      schoolId: org.value.id,
      title: v.title ?? "",
      code: v.courseCode || null,
      subject: subjectOf(v.subjects, v.subjectCodes),
      gradeLevel: gradeLevel(v.grades),
      sourcedId: row.sourcedId,
    };
    fromFile.set(row.sourcedId, { id: want.id, schoolId: want.schoolId });
    if (!existing) {
      changes.courses.create.push(want);
      counts.courses.created++;
    } else if (
      existing.schoolId !== want.schoolId ||
      existing.title !== want.title ||
      existing.code !== want.code ||
      existing.subject !== want.subject ||
      existing.gradeLevel !== want.gradeLevel
    ) {
      changes.courses.update.push(want);
      counts.courses.updated++;
    } else counts.courses.unchanged++;
  }
  noteDeleted(ctx, "courses");
  noteKept(ctx, "courses", ["course", "courses"], ctx.state.courses);
  const fromDb = new Map(ctx.state.courses.map((c) => [c.sourcedId, { id: c.id, schoolId: c.schoolId }]));
  ctx.refs.course = resolver(problems, "courses", "course", fromFile, partial(ctx, "courses") ? fromDb : null);
}

export function planClasses(ctx: PlanContext) {
  const { problems, counts, changes } = ctx;
  const known = new Map(ctx.state.classes.map((c) => [c.sourcedId, c]));
  const terms = new Map(ctx.state.terms.map((t) => [`${t.schoolId}|${t.sourcedId}`, t]));
  const termIds = new Map<string, string>();
  const fromFile = new Map<string, { id: string; schoolId: string }>();
  let severalTerms = 0;

  // One Term per school and session, planned the first time a class of the school uses it.
  const termFor = (schoolId: string, sourcedId: string, session: SessionRef): string => {
    const key = `${schoolId}|${sourcedId}`;
    const planned = termIds.get(key);
    if (planned) return planned;
    const existing = terms.get(key);
    const want: TermRow = {
      id: existing?.id ?? randomUUID(),
      schoolId,
      name: session.title,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      sourcedId,
    };
    if (!existing) {
      changes.terms.create.push(want);
      counts.terms.created++;
    } else if (existing.name !== want.name || existing.startsOn !== want.startsOn || existing.endsOn !== want.endsOn) {
      changes.terms.update.push(want);
      counts.terms.updated++;
    } else counts.terms.unchanged++;
    termIds.set(key, want.id);
    return want.id;
  };

  for (const row of ctx.parsed.rows.classes) {
    if (row.deleted) continue;
    const v = row.values;
    const course = ctx.refs.course(v.courseSourcedId ?? "");
    const school = ctx.refs.org(v.schoolSourcedId ?? "");
    const termSourcedIds = list(v.termSourcedIds);
    const session = ctx.refs.session(termSourcedIds[0] ?? "");
    if (!course.ok) {
      problems.row("classes", row, `courseSourcedId: ${course.reason}.`);
      continue;
    }
    if (!school.ok || school.value.type !== "SCHOOL") {
      const reason = school.ok ? `"${v.schoolSourcedId}" is the district; a class belongs to a school` : school.reason;
      problems.row("classes", row, `schoolSourcedId: ${reason}.`);
      continue;
    }
    if (!session.ok) {
      problems.row("classes", row, `termSourcedIds: ${session.reason}.`);
      continue;
    }
    if (termSourcedIds.length > 1) severalTerms++;
    const existing = known.get(row.sourcedId);
    const want: ClassRow = {
      id: existing?.id ?? randomUUID(),
      schoolId: school.value.id,
      courseId: course.value.id,
      termId: termFor(school.value.id, termSourcedIds[0] ?? "", session.value),
      name: v.title ?? "",
      gradeLevel: gradeLevel(v.grades),
      sourcedId: row.sourcedId,
    };
    fromFile.set(row.sourcedId, { id: want.id, schoolId: want.schoolId });
    if (!existing) {
      changes.classes.create.push(want);
      counts.classes.created++;
    } else if (
      existing.schoolId !== want.schoolId ||
      existing.courseId !== want.courseId ||
      existing.termId !== want.termId ||
      existing.name !== want.name ||
      existing.gradeLevel !== want.gradeLevel
    ) {
      changes.classes.update.push(want);
      counts.classes.updated++;
    } else counts.classes.unchanged++;
  }
  if (severalTerms)
    problems.note(`${plural(severalTerms, "class is", "classes are")} in several terms; Pathways files each under its first term.`);
  noteDeleted(ctx, "classes");
  noteKept(ctx, "classes", ["class", "classes"], ctx.state.classes);
  const fromDb = new Map(ctx.state.classes.map((c) => [c.sourcedId, { id: c.id, schoolId: c.schoolId }]));
  ctx.refs.class = resolver(problems, "classes", "class", fromFile, partial(ctx, "classes") ? fromDb : null);
}
