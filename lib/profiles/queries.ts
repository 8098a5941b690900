// Reads of learner profiles, always through findVisibleStudent (studentsVisibleTo).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan } from "@/lib/plans/access";
import { findVisibleStudent } from "./access";
import { listLabels, profileChanges, PROFILE_CONTENT_SELECT } from "./content";
import { allowedOnProfile } from "./policy";
import { profileRevisionContentSchema, type ProfileFormInput, type StoredProfileContent } from "./schemas";
import { suggestionsFrom } from "./udl";

export const HISTORY_PAGE = 10;
export const COMMENTS_SHOWN = 50;

const contentSelect = { ...PROFILE_CONTENT_SELECT, gradeLevel: true, version: true, updatedAt: true } as const;

type ProfileRow = StoredProfileContent & { gradeLevel: number; version: number; updatedAt: Date };

/** A profile as shown: its text, and each choice list with its labels in the student's words. */
function shaped(p: ProfileRow) {
  return {
    ...p,
    labels: {
      engagement: listLabels("engagement", p.engagement),
      representation: listLabels("representation", p.representation),
      expression: listLabels("expression", p.expression),
      preferredSettings: listLabels("preferredSettings", p.preferredSettings),
    },
    suggestions: suggestionsFrom(p),
  };
}
export type ProfileView = ReturnType<typeof shaped>;

/** The profile as the values of its form. */
export function profileFormValues(p: StoredProfileContent): ProfileFormInput {
  return {
    strengths: p.strengths,
    needs: p.needs,
    interests: p.interests,
    learningPreferences: p.learningPreferences,
    aspirations: p.aspirations,
    engagement: p.engagement as ProfileFormInput["engagement"],
    representation: p.representation as ProfileFormInput["representation"],
    expression: p.expression as ProfileFormInput["expression"],
    preferredSettings: [...p.preferredSettings],
  };
}

/**
 * One student's learner profile with what the actor may do with it and the teachers'
 * comments (the most recent COMMENTS_SHOWN); NotFoundError when the actor may not see them.
 */
export async function getStudentProfile(actor: Actor, studentId: string) {
  return withDisclosure(actor, { action: "profile.view", entityType: "User", entityId: studentId }, () => loadProfile(actor, studentId));
}
async function loadProfile(actor: Actor, studentId: string) {
  const s = await findVisibleStudent(db, actor, studentId, {
    name: true,
    profile: { select: contentSelect },
    profileCommentsOn: {
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMMENTS_SHOWN,
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
    },
  });
  return {
    id: studentId,
    name: s.name,
    profile: s.profile ? shaped(s.profile) : null,
    comments: s.profileCommentsOn.reverse().map((c) => ({ ...c, author: displayName(c.author) })),
    allowed: allowedOnProfile(s),
    relations: s.relations,
  };
}
export type StudentProfileDetail = Awaited<ReturnType<typeof getStudentProfile>>;

/**
 * A page of the profile's history, newest first, each revision with who saved it and what
 * changed from the one before, field by field. `before`: show revisions older than this
 * number (keyset); the page reads one more revision than it shows, to compare the oldest.
 */
export async function getProfileHistory(actor: Actor, studentId: string, before?: number) {
  await findVisibleStudent(db, actor, studentId, {});
  const rows = await db.studentProfileRevision.findMany({
    where: { studentId, ...(before ? { number: { lt: before } } : {}) },
    orderBy: { number: "desc" },
    take: HISTORY_PAGE + 1,
    select: { id: true, number: true, createdAt: true, content: true, author: { select: { name: true } }, authorId: true },
  });
  const contents = rows.map((r) => profileRevisionContentSchema.parse(r.content ?? {}));
  const items = rows.slice(0, HISTORY_PAGE).map((r, i) => {
    const previous = contents[i + 1] ?? null;
    const first = previous === null && !rows[i + 1];
    return {
      id: r.id,
      number: r.number,
      createdAt: r.createdAt,
      // An authorless first revision is the state history started from, not a deleted person's.
      author: r.authorId === null && first ? null : displayName(r.author),
      first,
      changes: profileChanges(previous, contents[i] as StoredProfileContent),
    };
  });
  const hasOlder = rows.length > HISTORY_PAGE;
  return { items, older: hasOlder ? items[items.length - 1]?.number : undefined };
}

/** The actor's own profile, for the /profile page (NotFoundError unless they are a student). */
export function getOwnProfile(actor: Actor) {
  return getStudentProfile(actor, actor.id);
}

/** The summary shown beside a plan form: the student's profile and the suggestions it makes. */
export async function getProfileSummary(actor: Actor, studentId: string) {
  const s = await findVisibleStudent(db, actor, studentId, { name: true, profile: { select: contentSelect } });
  return s.profile ? { studentId, name: s.name, profile: shaped(s.profile) } : null;
}
export type ProfileSummary = NonNullable<Awaited<ReturnType<typeof getProfileSummary>>>;

/**
 * The profile of a plan's student, for the plan page, to whoever may see the plan; null
 * when the student has none. Goes through findVisiblePlan: no plan access, no profile.
 */
export async function getProfileForPlan(actor: Actor, planId: string) {
  const plan = await findVisiblePlan(db, actor, planId, { student: { select: { name: true, profile: { select: contentSelect } } } });
  const student = plan.student as unknown as { name: string; profile: ProfileRow | null };
  if (!student.profile) return null;
  return {
    studentId: plan.studentId,
    name: student.name,
    profile: shaped(student.profile),
    isOwner: plan.relations.includes("STUDENT"),
    // Teachers reviewing the plan (and admins) see it beside the plan.
    reviewer: plan.relations.includes("TEACHER") || plan.relations.includes("ADMIN"),
  };
}
