// What a district holds now, read in one query per table (never per row), for planning an
// import against it. Only the district's own rows are read.
import "server-only";
import type { Tx } from "@/lib/db";
import type { EnrollmentRole, OrganizationType, Role, Subject } from "@/lib/generated/prisma/enums.ts";
import { ROSTER_SOURCE } from "./spec";

export type DistrictState = {
  district: { id: string; name: string; source: string | null; sourcedId: string | null; timeZone: string; locale: string };
  /** The district's organizations a roster gave (by sourcedId). */
  orgs: { id: string; type: OrganizationType; name: string; sourcedId: string }[];
  terms: { id: string; schoolId: string; name: string; startsOn: string; endsOn: string; sourcedId: string }[];
  courses: {
    id: string;
    schoolId: string;
    title: string;
    code: string | null;
    subject: Subject;
    gradeLevel: number | null;
    sourcedId: string;
  }[];
  classes: {
    id: string;
    schoolId: string;
    courseId: string;
    termId: string | null;
    name: string;
    gradeLevel: number | null;
    sourcedId: string;
  }[];
  /** Everyone in the district: roster people by sourcedId, hand-made ones by email. */
  users: { id: string; email: string; name: string; source: string | null; sourcedId: string | null; disabled: boolean }[];
  memberships: { id: string; userId: string; organizationId: string; role: Role; ended: boolean; roster: boolean }[];
  profiles: { userId: string; gradeLevel: number }[];
  /** Enrollments in the classes a roster gave. */
  enrollments: {
    id: string;
    classId: string;
    userId: string;
    role: EnrollmentRole;
    beginsOn: string | null;
    endsOn: string | null;
    sourcedId: string | null;
    roster: boolean;
  }[];
  links: { id: string; guardianId: string; studentId: string; relationship: string; roster: boolean }[];
};

export async function loadDistrict(tx: Tx, districtId: string): Promise<DistrictState> {
  const [district] = await tx.$queryRaw<DistrictState["district"][]>`
    SELECT id, name, source, "sourcedId", "timeZone", locale FROM "Organization" WHERE id = ${districtId} AND type = 'DISTRICT'`;
  if (!district) throw new Error(`No district ${districtId}`);
  const [orgs, terms, courses, classes, users, memberships, profiles, enrollments, links] = await Promise.all([
    tx.$queryRaw<DistrictState["orgs"]>`
      SELECT id, type, name, "sourcedId" FROM "Organization"
      WHERE "districtId" = ${districtId} AND id <> ${districtId} AND source = ${ROSTER_SOURCE} AND "sourcedId" IS NOT NULL`,
    tx.$queryRaw<DistrictState["terms"]>`
      SELECT t.id, t."schoolId", t.name, to_char(t."startsOn", 'YYYY-MM-DD') AS "startsOn",
             to_char(t."endsOn", 'YYYY-MM-DD') AS "endsOn", t."sourcedId"
      FROM "Term" t JOIN "Organization" o ON o.id = t."schoolId"
      WHERE o."districtId" = ${districtId} AND t.source = ${ROSTER_SOURCE} AND t."sourcedId" IS NOT NULL`,
    tx.$queryRaw<DistrictState["courses"]>`
      SELECT c.id, c."schoolId", c.title, c.code, c.subject, c."gradeLevel", c."sourcedId"
      FROM "Course" c JOIN "Organization" o ON o.id = c."schoolId"
      WHERE o."districtId" = ${districtId} AND c.source = ${ROSTER_SOURCE} AND c."sourcedId" IS NOT NULL`,
    tx.$queryRaw<DistrictState["classes"]>`
      SELECT c.id, c."schoolId", c."courseId", c."termId", c.name, c."gradeLevel", c."sourcedId"
      FROM "Class" c JOIN "Organization" o ON o.id = c."schoolId"
      WHERE o."districtId" = ${districtId} AND c.source = ${ROSTER_SOURCE} AND c."sourcedId" IS NOT NULL`,
    tx.$queryRaw<DistrictState["users"]>`
      SELECT id, email, name, source, "sourcedId", "disabledAt" IS NOT NULL AS disabled FROM "User" WHERE "districtId" = ${districtId}`,
    tx.$queryRaw<DistrictState["memberships"]>`
      SELECT id, "userId", "organizationId", role, "endedAt" IS NOT NULL AS ended, source IS NOT DISTINCT FROM ${ROSTER_SOURCE} AS roster
      FROM "Membership" WHERE "districtId" = ${districtId}`,
    tx.$queryRaw<DistrictState["profiles"]>`
      SELECT p."userId", p."gradeLevel" FROM "StudentProfile" p JOIN "User" u ON u.id = p."userId" WHERE u."districtId" = ${districtId}`,
    tx.$queryRaw<DistrictState["enrollments"]>`
      SELECT e.id, e."classId", e."userId", e.role, to_char(e."beginsOn", 'YYYY-MM-DD') AS "beginsOn",
             to_char(e."endsOn", 'YYYY-MM-DD') AS "endsOn", e."sourcedId", e.source IS NOT DISTINCT FROM ${ROSTER_SOURCE} AS roster
      FROM "Enrollment" e JOIN "Class" c ON c.id = e."classId" JOIN "Organization" o ON o.id = c."schoolId"
      WHERE o."districtId" = ${districtId} AND c.source = ${ROSTER_SOURCE}`,
    tx.$queryRaw<DistrictState["links"]>`
      SELECT id, "guardianId", "studentId", relationship, source IS NOT DISTINCT FROM ${ROSTER_SOURCE} AS roster
      FROM "GuardianLink" WHERE "districtId" = ${districtId}`,
  ]);
  return { district, orgs, terms, courses, classes, users, memberships, profiles, enrollments, links };
}

/** Which of these emails belong to people of other districts (never touched by this import). */
export async function emailsElsewhere(tx: Tx, districtId: string, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await tx.$queryRaw<{ email: string }[]>`
    SELECT email FROM "User" WHERE email = ANY(${emails}::text[]) AND "districtId" <> ${districtId}`;
  return new Set(rows.map((r) => r.email));
}
