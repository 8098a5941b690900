// What checking and sending an agreement needs from the database: the school's calendar and
// closures, the board's policies (the school's, else the district's), the student's guardians
// and age, and the people named on it.
import "server-only";
import { isoDay } from "@/lib/dates";
import type { Tx } from "@/lib/db";
import { boardPolicySchema, type AgreementContext, type BoardPolicy } from "./elements";
import type { SchoolCalendar } from "./school-days";
import { isAdult, signersFor, type SignerEntry } from "./signers";

type AgreementRow = {
  plan: { schoolId: string; student: { id: string; name: string; profile: { gradeLevel: number; birthDate: Date | null } | null } };
  supervisingTeacher: { id: string; name: string } | null;
  assistants: { role: string; user: { id: string; name: string } }[];
};

export type LoadedContext = {
  context: AgreementContext;
  calendar: SchoolCalendar | null;
  policy: BoardPolicy | null;
  school: { id: string; name: string };
  signers: SignerEntry[];
  adult: boolean;
};

export async function loadContext(tx: Tx, a: AgreementRow, today: string): Promise<LoadedContext> {
  const school = await tx.organization.findUniqueOrThrow({
    where: { id: a.plan.schoolId },
    select: {
      id: true,
      name: true,
      districtId: true,
      schoolYearStartsOn: true,
      schoolYearEndsOn: true,
      district: { select: { schoolYearStartsOn: true, schoolYearEndsOn: true } },
    },
  });
  const orgs = [school.id, school.districtId];
  const [policies, closures, guardians] = await Promise.all([
    tx.studyPolicy.findMany({ where: { organizationId: { in: orgs } } }),
    tx.schoolClosure.findMany({ where: { organizationId: { in: orgs } }, select: { day: true } }),
    tx.guardianLink.findMany({ where: { studentId: a.plan.student.id }, select: { guardian: { select: { id: true, name: true } } } }),
  ]);
  const starts = school.schoolYearStartsOn ?? school.district.schoolYearStartsOn;
  const ends = school.schoolYearEndsOn ?? school.district.schoolYearEndsOn;
  const calendar = starts && ends ? { startsOn: isoDay(starts), endsOn: isoDay(ends), closures: closures.map((c) => isoDay(c.day)) } : null;
  const row = policies.find((p) => p.organizationId === school.id) ?? policies.find((p) => p.organizationId === school.districtId);
  const parsed = row ? boardPolicySchema.safeParse(row) : null;
  const policy = parsed?.success ? parsed.data : null;
  const profile = a.plan.student.profile;
  const adult = isAdult(profile?.birthDate ? isoDay(profile.birthDate) : null, today);
  const assistants = a.assistants.map((x) => ({ ...x.user, role: x.role }));
  return {
    context: {
      calendar,
      policy,
      gradeLevel: profile?.gradeLevel ?? 0,
      supervisingTeacher: a.supervisingTeacher !== null,
      assistants: assistants.map((x) => ({ name: x.name, role: x.role })),
      guardianMissing: !adult && guardians.length === 0,
    },
    calendar,
    policy,
    school: { id: school.id, name: school.name },
    signers: signersFor({
      student: { id: a.plan.student.id, name: a.plan.student.name },
      adult,
      guardians: guardians.map((g) => g.guardian),
      teacher: a.supervisingTeacher,
      assistants,
    }),
    adult,
  };
}
