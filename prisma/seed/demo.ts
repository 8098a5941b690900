// Seeds the demo district: Northbrook Unified with two schools. Northbrook Community
// School (grades 7–8: 1 admin, 4 teachers, 5 classes, 31 students, 21 guardians, plans in
// every status with evidence and ratings) and Riverside Elementary (grade 4: a teacher, a
// class, 8 students and their families, one with two children). A district admin sees both;
// Daniel Okafor teaches math at Northbrook and is the father of a Riverside student, so he has
// two memberships and the header's switcher. Standards and the template are the district's.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ActivitySetting, PlanStatus, PlanType, ResourceKind, Role, Subject } from "@/lib/generated/prisma/enums.ts";
import { recomputeStudents } from "@/lib/mastery/recompute";
import { COMMAND_LINE, importCasePackage } from "@/lib/standards/case/import";
import { recordRevision } from "@/lib/plans/revisions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";

const FIRST = [
  "Maya",
  "Jonah",
  "Aisha",
  "Liam",
  "Sofia",
  "Mateo",
  "Priya",
  "Noah",
  "Zoe",
  "Ethan",
  "Amara",
  "Lucas",
  "Hana",
  "Owen",
  "Isla",
  "Kai",
  "Leila",
  "Diego",
  "Nora",
  "Samuel",
  "Yuki",
  "Gabriel",
  "Chloe",
  "Omar",
  "Ruby",
  "Felix",
  "Imani",
  "Theo",
  "Lena",
  "Marcus",
];
const LAST = [
  "Chen",
  "Brooks",
  "Rahman",
  "Walsh",
  "Alvarez",
  "Rossi",
  "Patel",
  "Kim",
  "Okoro",
  "Murphy",
  "Diallo",
  "Moreau",
  "Sato",
  "Fischer",
  "Lindqvist",
  "Mahoe",
  "Haddad",
  "Ramirez",
  "Kowalski",
  "Adeyemi",
  "Tanaka",
  "Silva",
  "Dubois",
  "Farouk",
  "Hughes",
  "Novak",
  "Mensah",
  "Baker",
  "Vogel",
  "Grant",
];
const GUARDIAN_FIRST = [
  "Wei",
  "Renee",
  "Farida",
  "Sean",
  "Carmen",
  "Paolo",
  "Anil",
  "Grace",
  "Chidi",
  "Maura",
  "Fatou",
  "Claire",
  "Kenji",
  "Petra",
  "Erik",
  "Leilani",
  "Rami",
  "Elena",
  "Marta",
  "Tunde",
];

const STANDARDS: { code: string; framework: string; subject: Subject; gradeBand: string; description: string }[] = [
  {
    code: "CCSS.ELA-LITERACY.RI.7.1",
    framework: "Common Core",
    subject: "ELA",
    gradeBand: "7",
    description:
      "Cite several pieces of textual evidence to support analysis of what the text says explicitly and inferences drawn from it.",
  },
  {
    code: "CCSS.ELA-LITERACY.W.7.1",
    framework: "Common Core",
    subject: "ELA",
    gradeBand: "7",
    description: "Write arguments to support claims with clear reasons and relevant evidence.",
  },
  {
    code: "CCSS.ELA-LITERACY.SL.7.4",
    framework: "Common Core",
    subject: "ELA",
    gradeBand: "7",
    description: "Present claims and findings, emphasizing salient points in a focused, coherent manner.",
  },
  {
    code: "CCSS.MATH.CONTENT.7.RP.A.2",
    framework: "Common Core",
    subject: "MATH",
    gradeBand: "7",
    description: "Recognize and represent proportional relationships between quantities.",
  },
  {
    code: "CCSS.MATH.CONTENT.7.EE.B.4",
    framework: "Common Core",
    subject: "MATH",
    gradeBand: "7",
    description: "Use variables to represent quantities in a real-world problem, and construct simple equations and inequalities.",
  },
  {
    code: "CCSS.MATH.CONTENT.7.SP.A.1",
    framework: "Common Core",
    subject: "MATH",
    gradeBand: "7",
    description: "Understand that statistics can be used to gain information about a population by examining a sample.",
  },
  {
    code: "NGSS.MS-LS1-6",
    framework: "NGSS",
    subject: "SCIENCE",
    gradeBand: "6-8",
    description: "Construct a scientific explanation for the role of photosynthesis in the cycling of matter and flow of energy.",
  },
  {
    code: "NGSS.MS-ESS3-3",
    framework: "NGSS",
    subject: "SCIENCE",
    gradeBand: "6-8",
    description: "Apply scientific principles to design a method for monitoring and minimizing a human impact on the environment.",
  },
  {
    code: "NGSS.MS-PS3-3",
    framework: "NGSS",
    subject: "SCIENCE",
    gradeBand: "6-8",
    description: "Apply scientific principles to design, construct, and test a device that minimizes or maximizes thermal energy transfer.",
  },
  {
    code: "C3.D2.His.1.6-8",
    framework: "C3 Framework",
    subject: "SOCIAL_STUDIES",
    gradeBand: "6-8",
    description: "Analyze connections among events and developments in broader historical contexts.",
  },
  {
    code: "C3.D2.Civ.10.6-8",
    framework: "C3 Framework",
    subject: "SOCIAL_STUDIES",
    gradeBand: "6-8",
    description:
      "Explain the relevance of personal interests and perspectives, civic virtues, and democratic principles when people address issues.",
  },
  {
    code: "C3.D2.Geo.2.6-8",
    framework: "C3 Framework",
    subject: "SOCIAL_STUDIES",
    gradeBand: "6-8",
    description: "Use maps, satellite images, and other representations to explain relationships between locations of places and regions.",
  },
];

type ActivitySeed = {
  description: string;
  setting: ActivitySetting;
  timing: string;
  withWhom: string;
  resourceKind: ResourceKind;
  resource: string;
  resourceUrl?: string;
};
type GoalSeed = {
  subject: Subject;
  title: string;
  successCriteria: string;
  masteryDemonstration: string;
  standard: string;
  activities: ActivitySeed[];
};

const GOALS: GoalSeed[] = [
  {
    subject: "ELA",
    title: "Write an argumentative essay about a local issue",
    successCriteria: "A clear claim, three reasons each backed by evidence, and a counterclaim answered.",
    masteryDemonstration: "A final essay and a short talk to the class.",
    standard: "CCSS.ELA-LITERACY.W.7.1",
    activities: [
      {
        description: "Interview two neighbours about the new bus route",
        setting: "COMMUNITY",
        timing: "Two Saturdays in October",
        withWhom: "My aunt comes along",
        resourceKind: "PERSON",
        resource: "Mr. Diaz, the community association chair",
      },
      {
        description: "Draft and revise the essay",
        setting: "IN_SCHOOL",
        timing: "English class, twice a week",
        withWhom: "A writing partner",
        resourceKind: "NONE",
        resource: "",
      },
    ],
  },
  {
    subject: "MATH",
    title: "Use proportions to plan a community garden budget",
    successCriteria: "Correct unit rates and a scaled plan that stays within budget.",
    masteryDemonstration: "A budget spreadsheet with worked ratios.",
    standard: "CCSS.MATH.CONTENT.7.RP.A.2",
    activities: [
      {
        description: "Price seeds and soil at the garden centre",
        setting: "COMMUNITY",
        timing: "Once, early in the plan",
        withWhom: "My dad",
        resourceKind: "PLACE",
        resource: "Northbrook Garden Centre",
      },
      {
        description: "Build the budget spreadsheet",
        setting: "HOME",
        timing: "Sunday evenings",
        withWhom: "On my own",
        resourceKind: "LINK",
        resource: "Unit-rate practice",
        resourceUrl: "https://example.org/math/unit-rates",
      },
    ],
  },
  {
    subject: "SCIENCE",
    title: "Explain photosynthesis through a plant-growth experiment",
    successCriteria: "A testable question, controlled variables, data over three weeks, and a conclusion tied to matter and energy.",
    masteryDemonstration: "A lab notebook and a poster.",
    standard: "NGSS.MS-LS1-6",
    activities: [
      {
        description: "Grow bean plants under three light conditions and log their height",
        setting: "HOME",
        timing: "Every day for three weeks",
        withWhom: "My little brother helps measure",
        resourceKind: "BOOK",
        resource: "The Secret Life of Plants (library copy)",
      },
    ],
  },
  {
    subject: "SOCIAL_STUDIES",
    title: "Trace how the river shaped our town's history",
    successCriteria: "A timeline of five events with causes and effects, using two primary sources.",
    masteryDemonstration: "An annotated map and timeline.",
    standard: "C3.D2.His.1.6-8",
    activities: [
      {
        description: "Visit the town museum's river exhibit and photograph two primary sources",
        setting: "COMMUNITY",
        timing: "One afternoon",
        withWhom: "My grandmother",
        resourceKind: "PLACE",
        resource: "Northbrook Historical Museum",
      },
      {
        description: "Walk the old mill trail and map the places from the timeline",
        setting: "TRAVEL",
        timing: "A weekend trip",
        withWhom: "My family",
        resourceKind: "NONE",
        resource: "",
      },
    ],
  },
  {
    subject: "MATH",
    title: "Collect and analyse survey data from my grade",
    successCriteria: "A fair sample, a clear chart, and conclusions that state their limits.",
    masteryDemonstration: "A one-page report with charts.",
    standard: "CCSS.MATH.CONTENT.7.SP.A.1",
    activities: [
      {
        description: "Design the survey and collect answers",
        setting: "ONLINE",
        timing: "Week 1 and 2",
        withWhom: "Grade 7 classmates",
        resourceKind: "LINK",
        resource: "School survey tool",
        resourceUrl: "https://example.org/surveys",
      },
    ],
  },
  {
    subject: "ELA",
    title: "Read and cite evidence from three non-fiction texts",
    successCriteria: "Each inference is supported by at least two quotes.",
    masteryDemonstration: "A reading journal with citations.",
    standard: "CCSS.ELA-LITERACY.RI.7.1",
    activities: [
      {
        description: "Read three articles and keep a quote journal",
        setting: "HOME",
        timing: "20 minutes every night",
        withWhom: "On my own",
        resourceKind: "BOOK",
        resource: "Junior Scholastic magazine",
      },
      {
        description: "Shadow a reporter at the local newspaper",
        setting: "WORKPLACE",
        timing: "One morning",
        withWhom: "Ms. Park, editor",
        resourceKind: "PERSON",
        resource: "Ms. Park at the Northbrook Herald",
      },
    ],
  },
];

const PLAN_TITLES = [
  "Our river, our town",
  "Growing a school garden",
  "Speaking up for my community",
  "Data detectives",
  "Science of everyday energy",
  "My independent study term",
];

const STATUS_CYCLE: PlanStatus[] = ["ACTIVE", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "DRAFT", "COMPLETED", "ARCHIVED", "ACTIVE"];

const ORDER: PlanStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "ACTIVE", "COMPLETED", "ARCHIVED"];

const day = (offset: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
};
const ago = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);

/** A demo student's own choices on their learner profile (keys from lib/profiles/udl.ts). */
function udlChoices(i: number) {
  return {
    aspirations: at(
      [
        "Make the school soccer team and keep my grades up",
        "Publish a comic",
        "Become a marine biologist",
        "Produce an album with friends",
      ],
      i % 4,
    ),
    engagement: [at(["choose-topic", "with-others", "real-world", "my-interests"], i % 4), at(["see-progress", "right-challenge"], i % 2)],
    representation: [at(["trying", "diagrams", "reading", "watching"], i % 4), "examples"],
    expression: [at(["building", "drawing", "writing", "talking"], i % 4), at(["data", "video", "teaching"], i % 3)],
    preferredSettings: [
      ...new Set([at(["COMMUNITY", "HOME", "IN_SCHOOL", "ONLINE"] as const, i % 4), at(["HOME", "WORKPLACE", "TRAVEL"] as const, i % 3)]),
    ],
  };
}

export type SeedSummary = { password: string; accounts: { role: string; email: string; name: string }[] };

/** The element at `i`, which the seed's own arithmetic guarantees is there. */
function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`Seed data has no item ${i}`);
  return item;
}

const RIVERSIDE_STUDENTS = ["Ada Okafor", "Benji Torres", "Clara Nguyen-Baptiste", "Dev Raman", "Elif Aydin", "Finn O'Connell"];

export async function seedDemoSchool(db: Db): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, 10);
  const districtId = randomUUID();
  const year = { schoolYearStartsOn: day(-80), schoolYearEndsOn: day(200) };
  await db.organization.create({
    data: { id: districtId, districtId, type: "DISTRICT", name: "Northbrook Unified School District", ...year },
  });
  const [school, riverside] = await db.organization.createManyAndReturn({
    data: [
      { districtId, parentId: districtId, type: "SCHOOL" as const, name: "Northbrook Community School", ...year },
      { districtId, parentId: districtId, type: "SCHOOL" as const, name: "Riverside Elementary School", ...year },
    ],
    select: { id: true },
  });
  if (!school || !riverside) throw new Error("Schools were not created");
  // The board's independent study policies (Education Code 51747), once for the district.
  await db.studyPolicy.create({
    data: {
      organizationId: districtId,
      maxDaysToDue: { K: 5, "1": 5, "2": 5, "3": 5, "4": 10, "5": 10, "6": 10, "7": 10, "8": 10, "9": 15, "10": 15, "11": 15, "12": 15 },
      missedAssignmentsLimit: 3,
      satisfactoryProgress:
        "The student completes at least 80% of assignments by their due dates, with work at Developing or above, and keeps the agreed contact with the teacher.",
      requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"],
    },
  });
  const [term, riversideTerm] = await db.term.createManyAndReturn({
    data: [school, riverside].map((s) => ({ schoolId: s.id, name: "2026–27 Year", startsOn: day(-80), endsOn: day(200) })),
    select: { id: true },
  });
  if (!term || !riversideTerm) throw new Error("Terms were not created");

  /** People of the district, each with one membership at `organizationId`. */
  async function people(organizationId: string, role: Role, list: readonly { name: string; email: string }[]) {
    const rows = await db.user.createManyAndReturn({
      data: list.map((p) => ({ districtId, name: p.name, email: p.email.toLowerCase(), passwordHash })),
      select: { id: true, name: true },
    });
    await db.membership.createMany({ data: rows.map((u) => ({ userId: u.id, organizationId, districtId, role })) });
    return rows;
  }
  const [districtAdmin] = await people(districtId, "ADMIN", [DEMO_ACCOUNTS.districtAdmin]);
  const [admin] = await people(school.id, "ADMIN", [DEMO_ACCOUNTS.admin]);
  const [nguyen, okafor, garcia] = await people(school.id, "TEACHER", [
    DEMO_ACCOUNTS.teacher,
    DEMO_ACCOUNTS.mathTeacher,
    DEMO_ACCOUNTS.scienceTeacher,
  ]);
  const [whitfield] = await people(riverside.id, "TEACHER", [DEMO_ACCOUNTS.elementaryTeacher]);
  if (!districtAdmin || !admin || !nguyen || !okafor || !garcia || !whitfield) throw new Error("Staff were not created");
  const students = await people(
    school.id,
    "STUDENT",
    FIRST.map((f, i) => ({ name: `${f} ${at(LAST, i)}`, email: `${f}.${at(LAST, i)}@northbrook.test` })),
  );
  const young = await people(
    riverside.id,
    "STUDENT",
    RIVERSIDE_STUDENTS.map((name) => ({
      name,
      email: `${name.split(" ")[0]}.${name.split(" ").slice(1).join("").replace(/\W/g, "")}@riverside.test`,
    })),
  );
  await db.studentProfile.createMany({
    data: [
      ...students.map((s, i) => ({
        userId: s.id,
        gradeLevel: i < 15 ? 7 : 8,
        strengths: at(["Curious and asks good questions", "Strong visual thinker", "Persistent with hard problems", "Clear writer"], i % 4),
        needs: at(
          ["Breaking big projects into steps", "Confidence speaking in groups", "Reading stamina", "Checking work carefully"],
          i % 4,
        ),
        interests: at(["Soccer and data", "Drawing and comics", "Rivers and fishing", "Music production", "Cooking"], i % 5),
        learningPreferences: at(["Hands-on projects", "Working with a partner", "Quiet reading time", "Videos and diagrams"], i % 4),
        // Hana and Ruby fill in their UDL choices themselves in the browser journeys.
        ...(i === 12 || i === 24 ? {} : udlChoices(i)),
      })),
      ...young.map((s, i) => ({
        userId: s.id,
        gradeLevel: 4,
        strengths: at(["Loves building things", "Kind and patient with others", "Great at noticing patterns"], i % 3),
        needs: at(["Reading longer texts", "Staying organized"], i % 2),
        interests: at(["Animals and nature", "Lego and robots", "Stories and drawing"], i % 3),
        learningPreferences: at(["Hands-on projects", "Stories and pictures"], i % 2),
      })),
    ],
  });
  const guardians = await people(
    school.id,
    "GUARDIAN",
    GUARDIAN_FIRST.map((f, i) =>
      i === 0 ? DEMO_ACCOUNTS.guardian : { name: `${f} ${at(LAST, i)}`, email: `${f}.${at(LAST, i)}@family.test` },
    ),
  );
  const youngFamilies = await people(
    riverside.id,
    "GUARDIAN",
    young
      .slice(1)
      .map((s) => ({ name: `Parent of ${s.name.split(" ")[0]}`, email: `family.${s.name.split(" ")[0]?.toLowerCase()}@family.test` })),
  );
  // Daniel Okafor teaches at Northbrook and is Ada's father at Riverside: a second membership.
  await db.membership.create({ data: { userId: okafor.id, organizationId: riverside.id, districtId, role: "GUARDIAN" } });
  const wei = at(guardians, 0);
  await db.guardianLink.createMany({
    data: [
      ...guardians.map((g, i) => ({
        districtId,
        guardianId: g.id,
        studentId: at(students, i).id,
        relationship: i % 3 === 0 ? "Father" : "Mother",
      })),
      // One family with two children at the school.
      { districtId, guardianId: wei.id, studentId: at(students, 20).id, relationship: "Father" },
      { districtId, guardianId: okafor.id, studentId: at(young, 0).id, relationship: "Father" },
      ...youngFamilies.map((g, i) => ({ districtId, guardianId: g.id, studentId: at(young, i + 1).id, relationship: "Parent" })),
    ],
  });

  // A Riverside family with two children, added after everyone else so no one's place in the lists
  // moves: Rosa Moreno follows Gabi (an approved plan to acknowledge, growth over three ratings) and
  // Leo (an approved plan, and a draft of his own she never sees). Only the family journey uses them.
  const [rosa] = await people(riverside.id, "GUARDIAN", [DEMO_ACCOUNTS.familyOfTwo]);
  const [gabi, leo] = await people(riverside.id, "STUDENT", [
    { name: "Gabi Moreno", email: "gabi.moreno@riverside.test" },
    { name: "Leo Moreno", email: "leo.moreno@riverside.test" },
  ]);
  if (!rosa || !gabi || !leo) throw new Error("The Moreno family was not created");
  await db.studentProfile.createMany({
    data: [gabi, leo].map((s) => ({
      userId: s.id,
      gradeLevel: 4,
      strengths: "Curious about how things work",
      interests: "Insects and weather",
    })),
  });
  await db.guardianLink.createMany({
    data: [gabi, leo].map((s) => ({ districtId, guardianId: rosa.id, studentId: s.id, relationship: "Mother" })),
  });

  const courses = await db.course.createManyAndReturn({
    data: [
      { schoolId: school.id, title: "English 7", subject: "ELA" as const, gradeLevel: 7 },
      { schoolId: school.id, title: "Math 7", subject: "MATH" as const, gradeLevel: 7 },
      { schoolId: school.id, title: "Science 8", subject: "SCIENCE" as const, gradeLevel: 8 },
      { schoolId: school.id, title: "Social Studies 8", subject: "SOCIAL_STUDIES" as const, gradeLevel: 8 },
      { schoolId: riverside.id, title: "Grade 4 Science", subject: "SCIENCE" as const, gradeLevel: 4 },
    ],
    select: { id: true },
  });
  const classes = await db.class.createManyAndReturn({
    data: [
      { schoolId: school.id, courseId: at(courses, 0).id, termId: term.id, name: "Grade 7 English", gradeLevel: 7 },
      { schoolId: school.id, courseId: at(courses, 1).id, termId: term.id, name: "Grade 7 Math", gradeLevel: 7 },
      { schoolId: school.id, courseId: at(courses, 2).id, termId: term.id, name: "Grade 8 Science", gradeLevel: 8 },
      { schoolId: school.id, courseId: at(courses, 3).id, termId: term.id, name: "Grade 8 Social Studies", gradeLevel: 8 },
      { schoolId: riverside.id, courseId: at(courses, 4).id, termId: riversideTerm.id, name: "Grade 4 Science", gradeLevel: 4 },
    ],
    select: { id: true },
  });
  const [english, math, science, social, grade4] = classes;
  if (!english || !math || !science || !social || !grade4) throw new Error("Classes were not created");
  await db.enrollment.createMany({
    data: [
      { classId: english.id, userId: nguyen.id, role: "TEACHER" as const },
      { classId: math.id, userId: okafor.id, role: "TEACHER" as const },
      { classId: science.id, userId: garcia.id, role: "TEACHER" as const },
      { classId: social.id, userId: garcia.id, role: "TEACHER" as const },
      { classId: grade4.id, userId: whitfield.id, role: "TEACHER" as const },
      // Grade 7 (students 0–14) take English and Math; grade 8 (15–29) Science and Social Studies.
      ...students.flatMap((s, i) =>
        (i < 15 ? [english, math] : [science, social]).map((c) => ({ classId: c.id, userId: s.id, role: "STUDENT" as const })),
      ),
      ...young.map((s) => ({ classId: grade4.id, userId: s.id, role: "STUDENT" as const })),
    ],
  });

  await db.enrollment.createMany({ data: [gabi, leo].map((s) => ({ classId: grade4.id, userId: s.id, role: "STUDENT" as const })) });

  // Tomás Herrera and his mother, with a class and a teacher of their own (Ana Ortiz's Grade 7
  // Spanish), added after everyone else so that no one's lists move: only the email journey uses
  // them. A comment from his teacher waits for his daily digest.
  const [ortiz] = await people(school.id, "TEACHER", [DEMO_ACCOUNTS.languageTeacher]);
  const [tomas] = await people(school.id, "STUDENT", [DEMO_ACCOUNTS.emailStudent]);
  const [lucia] = await people(school.id, "GUARDIAN", [{ name: "Lucía Herrera", email: "lucia.herrera@family.test" }]);
  if (!ortiz || !tomas || !lucia) throw new Error("The Herrera family was not created");
  // Lucía reads Pathways, and her emails, in Spanish (the Spanish journey in e2e/spanish.spec.ts).
  await db.user.update({ where: { id: lucia.id }, data: { locale: "es" } });
  await db.studentProfile.create({
    data: { userId: tomas.id, gradeLevel: 7, strengths: "Patient explainer", interests: "Soccer and cooking" },
  });
  await db.guardianLink.create({ data: { districtId, guardianId: lucia.id, studentId: tomas.id, relationship: "Mother" } });
  const spanishCourse = await db.course.create({
    data: { schoolId: school.id, title: "Spanish 7", subject: "WORLD_LANGUAGES", gradeLevel: 7 },
    select: { id: true },
  });
  const spanish = await db.class.create({
    data: { schoolId: school.id, courseId: spanishCourse.id, termId: term.id, name: "Grade 7 Spanish", gradeLevel: 7 },
    select: { id: true },
  });
  await db.enrollment.createMany({
    data: [
      { classId: spanish.id, userId: ortiz.id, role: "TEACHER" as const },
      { classId: spanish.id, userId: tomas.id, role: "STUDENT" as const },
    ],
  });

  const standards = await db.standard.createManyAndReturn({
    data: STANDARDS.map((s) => ({ ...s, organizationId: districtId })),
    select: { id: true, code: true },
  });
  const standardId = new Map(standards.map((s) => [s.code, s.id]));
  // A template's goals are a plan form's goals without ids (lib/templates/schemas.ts).
  const templateGoal = (g: GoalSeed) => ({
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: "",
    standardIds: [standardId.get(g.standard) as string],
    activities: g.activities.map((a) => ({ ...a, resourceUrl: a.resourceUrl ?? "" })),
  });

  await db.planTemplate.create({
    data: {
      organizationId: districtId,
      createdById: districtAdmin.id,
      name: "Independent study (one term)",
      type: "INDEPENDENT_STUDY",
      description: "For students learning away from school: one goal in each core subject.",
      goals: GOALS.slice(0, 4).map(templateGoal),
    },
  });
  await db.planTemplate.create({
    data: {
      organizationId: districtId,
      createdById: districtAdmin.id,
      name: "Community research project",
      type: "PERSONALIZED",
      description: "A term-long project that takes learning into the neighbourhood: research, data and a public argument.",
      goals: [at(GOALS, 0), at(GOALS, 4), at(GOALS, 5)].map(templateGoal),
    },
  });
  await db.planTemplate.create({
    data: {
      organizationId: school.id,
      createdById: nguyen.id,
      name: "Grade 7 reading and writing",
      type: "PERSONALIZED",
      description: "Reading non-fiction closely and writing an argument from it.",
      goals: [at(GOALS, 5), at(GOALS, 0)].map(templateGoal),
    },
  });

  // Plans: the first 24 students get one plan each, cycling through every status;
  // Maya (the demo student) also has a draft and a plan with changes requested; two
  // Riverside students have plans too.
  type Spec = {
    student: { id: string };
    schoolId: string;
    teacher: { id: string };
    status: PlanStatus;
    type: PlanType;
    title: string;
    goals: GoalSeed[];
  };
  const teacherOf = (i: number) => (i < 15 ? (i % 2 === 0 ? nguyen : okafor) : garcia);
  const goal = (i: number) => at(GOALS, i % GOALS.length);
  const specs: Spec[] = [];
  for (let i = 0; i < 24; i++) {
    specs.push({
      student: at(students, i),
      schoolId: school.id,
      teacher: teacherOf(i),
      status: at(STATUS_CYCLE, i % STATUS_CYCLE.length),
      type: i % 3 === 2 ? "INDEPENDENT_STUDY" : "PERSONALIZED",
      title: at(PLAN_TITLES, i % PLAN_TITLES.length),
      goals: [goal(i), goal(i + 1), goal(i + 2)],
    });
  }
  const maya = at(students, 0);
  specs.push({
    student: maya,
    schoolId: school.id,
    teacher: nguyen,
    status: "DRAFT",
    type: "INDEPENDENT_STUDY",
    title: "Spring trip independent study",
    goals: [goal(3), goal(4)],
  });
  specs.push({
    student: maya,
    schoolId: school.id,
    teacher: nguyen,
    status: "CHANGES_REQUESTED",
    type: "PERSONALIZED",
    title: "Reading like a historian",
    goals: [goal(5)],
  });
  specs.push({
    student: at(young, 0),
    schoolId: riverside.id,
    teacher: whitfield,
    status: "ACTIVE",
    type: "PERSONALIZED",
    title: "How plants grow",
    goals: [goal(2)],
  });
  specs.push({
    student: at(young, 1),
    schoolId: riverside.id,
    teacher: whitfield,
    status: "SUBMITTED",
    type: "PERSONALIZED",
    title: "Weather watchers",
    goals: [goal(2), goal(4)],
  });

  specs.push(
    {
      student: gabi,
      schoolId: riverside.id,
      teacher: whitfield,
      status: "ACTIVE",
      type: "PERSONALIZED",
      title: "Butterfly garden",
      goals: [goal(2), goal(4)],
    },
    {
      student: leo,
      schoolId: riverside.id,
      teacher: whitfield,
      status: "ACTIVE",
      type: "PERSONALIZED",
      title: "Weather station",
      goals: [goal(4)],
    },
    {
      student: leo,
      schoolId: riverside.id,
      teacher: whitfield,
      status: "DRAFT",
      type: "PERSONALIZED",
      title: "Rocket launch (my draft)",
      goals: [goal(2)],
    },
  );

  specs.push({
    student: tomas,
    schoolId: school.id,
    teacher: ortiz,
    status: "ACTIVE",
    type: "PERSONALIZED",
    title: "Cooking across cultures",
    goals: [goal(1)],
  });

  // The four levels the district's default scale starts with (a trigger creates them with the district).
  type Level = "BEGINNING" | "DEVELOPING" | "PROFICIENT" | "ADVANCED";
  const levelId = (level: Level) => `level_${level}_${districtId}`;
  const levels: Level[] = ["DEVELOPING", "PROFICIENT", "ADVANCED", "BEGINNING"];
  for (const [n, spec] of specs.entries()) {
    const { student, teacher } = spec;
    const reached = (s: PlanStatus) => ORDER.indexOf(spec.status) >= ORDER.indexOf(s) && spec.status !== "CHANGES_REQUESTED";
    const adminId = spec.schoolId === school.id ? admin.id : districtAdmin.id;
    const events: { actorId: string; fromStatus: PlanStatus | null; toStatus: PlanStatus; note: string; createdAt: Date }[] = [
      { actorId: student.id, fromStatus: null, toStatus: "DRAFT", note: "Plan started", createdAt: ago(40) },
    ];
    if (spec.status !== "DRAFT")
      events.push({ actorId: student.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", note: "", createdAt: ago(35) });
    if (spec.status === "CHANGES_REQUESTED") {
      events.push({
        actorId: teacher.id,
        fromStatus: "SUBMITTED",
        toStatus: "CHANGES_REQUESTED",
        note: "Great start! Please add how you will show mastery for each goal in more detail, and narrow the dates.",
        createdAt: ago(33),
      });
    }
    if (reached("IN_REVIEW"))
      events.push({ actorId: teacher.id, fromStatus: "SUBMITTED", toStatus: "IN_REVIEW", note: "", createdAt: ago(34) });
    if (reached("ACTIVE"))
      events.push({
        actorId: teacher.id,
        fromStatus: "IN_REVIEW",
        toStatus: "ACTIVE",
        note: "Approved — ambitious and well planned.",
        createdAt: ago(33),
      });
    if (reached("COMPLETED"))
      events.push({
        actorId: teacher.id,
        fromStatus: "ACTIVE",
        toStatus: "COMPLETED",
        note: "All goals met. Well done!",
        createdAt: ago(3),
      });
    if (reached("ARCHIVED")) events.push({ actorId: adminId, fromStatus: "COMPLETED", toStatus: "ARCHIVED", note: "", createdAt: ago(1) });

    const plan = await db.plan.create({
      data: {
        schoolId: spec.schoolId,
        studentId: student.id,
        createdById: student.id,
        type: spec.type,
        status: spec.status,
        title: spec.title,
        summary: "I want to connect what I learn in class to my neighbourhood and show it with real projects.",
        startsOn: day(-40),
        endsOn: day(spec.status === "COMPLETED" || spec.status === "ARCHIVED" ? -2 : 60),
        version: events.length,
        guardianAckRequired: spec.type === "INDEPENDENT_STUDY",
        submittedAt: spec.status === "DRAFT" ? null : ago(35 - (n % 10)),
        approvedAt: reached("ACTIVE") ? ago(33) : null,
        approvedById: reached("ACTIVE") ? teacher.id : null,
        completedAt: reached("COMPLETED") ? ago(3) : null,
        archivedAt: reached("ARCHIVED") ? ago(1) : null,
        events: { createMany: { data: events } },
        goals: {
          create: spec.goals.map((g, position) => ({
            position,
            subject: g.subject,
            title: g.title,
            successCriteria: g.successCriteria,
            masteryDemonstration: g.masteryDemonstration,
            targetDate: day(30 + position * 10),
            standards: { create: { standardId: standardId.get(g.standard) as string } },
            activities: { create: g.activities.map((a, i) => ({ ...a, position: i })) },
          })),
        },
      },
      select: { id: true, goals: { select: { id: true, title: true }, orderBy: { position: "asc" } } },
    });
    // The states people rely on: the draft as written, what was submitted, what was approved.
    await recordRevision(db, plan.id, "CREATED", student.id);
    if (spec.status !== "DRAFT") await recordRevision(db, plan.id, "SUBMITTED", student.id);
    if (reached("ACTIVE")) await recordRevision(db, plan.id, "APPROVED", teacher.id);
    if (spec.status === "CHANGES_REQUESTED") {
      await db.comment.create({
        data: {
          planId: plan.id,
          authorId: teacher.id,
          body: "I love the topic. Which library or museum resources will you use?",
          createdAt: ago(33),
        },
      });
    }
    if (!reached("ACTIVE")) continue;

    // Evidence and ratings on active, completed and archived plans.
    for (const [g, goal] of plan.goals.entries()) {
      const withRating = spec.status !== "ACTIVE" || g < 2;
      const evidence = await db.evidence.create({
        data: {
          planId: plan.id,
          studentId: student.id,
          addedById: student.id,
          kind: g % 2 === 0 ? "TEXT" : "LINK",
          title: g % 2 === 0 ? `Reflection on “${goal.title}”` : "Project slides",
          text:
            g % 2 === 0
              ? "I interviewed two neighbours and compared their answers with what I read. Here is what I found and what surprised me."
              : null,
          url: g % 2 === 0 ? null : "https://example.org/projects/northbrook-slides",
          reflection: "The hardest part was organising my notes. Next time I will start a table on day one.",
          createdAt: ago(20 - g),
          goals: { create: { goalId: goal.id } },
        },
        select: { id: true },
      });
      if (withRating) {
        const level: Level = spec.status === "ACTIVE" ? at(levels, (n + g) % levels.length) : g === 2 ? "ADVANCED" : "PROFICIENT";
        await db.rating.create({
          data: {
            evidenceId: evidence.id,
            goalId: goal.id,
            raterId: teacher.id,
            levelId: levelId(level),
            feedback: "Clear thinking and good use of evidence. Next step: explain why your sources agree or disagree.",
            createdAt: ago(18 - g),
          },
        });
      }
    }
  }

  // Isla's project has work waiting for a rating (older than anyone else's): the teacher's
  // home queue lists it first.
  const isla = at(students, 14);
  const waiting = await db.plan.create({
    data: {
      schoolId: school.id,
      studentId: isla.id,
      createdById: isla.id,
      type: "PERSONALIZED",
      status: "ACTIVE",
      title: "Bridges and budgets",
      summary: "Designing a footbridge for the creek path and pricing it.",
      startsOn: day(-40),
      endsOn: day(60),
      version: 3,
      submittedAt: ago(35),
      approvedAt: ago(33),
      approvedById: okafor.id,
      events: {
        createMany: {
          data: [
            { actorId: isla.id, fromStatus: null, toStatus: "DRAFT", note: "Plan started", createdAt: ago(40) },
            { actorId: isla.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", note: "", createdAt: ago(35) },
            { actorId: okafor.id, fromStatus: "SUBMITTED", toStatus: "ACTIVE", note: "Approved.", createdAt: ago(33) },
          ],
        },
      },
      goals: {
        create: [goal(1), goal(4)].map((g, position) => ({
          position,
          subject: g.subject,
          title: g.title,
          successCriteria: g.successCriteria,
          masteryDemonstration: g.masteryDemonstration,
          targetDate: day(30 + position * 10),
          standards: { create: { standardId: standardId.get(g.standard) as string } },
          activities: { create: g.activities.map((act, i) => ({ ...act, position: i })) },
        })),
      },
    },
    select: { id: true, goals: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  await recordRevision(db, waiting.id, "CREATED", isla.id);
  await recordRevision(db, waiting.id, "SUBMITTED", isla.id);
  await recordRevision(db, waiting.id, "APPROVED", okafor.id);
  for (const [k, title] of ["Bridge sketches", "Load test results", "Materials price list", "Survey of path users"].entries()) {
    await db.evidence.create({
      data: {
        planId: waiting.id,
        studentId: isla.id,
        addedById: isla.id,
        kind: "TEXT",
        title,
        text: "What I did, what I found, and what I would change next time.",
        createdAt: ago(28 - k),
        goals: { create: { goalId: at(waiting.goals, k % 2).id } },
      },
    });
  }

  // Zoe's first goal has grown over a month: Beginning, then Developing, now Proficient. Her
  // growth and her chart have something to show (and her family's view of them).
  const zoe = at(students, 8);
  const zoeGoal = await db.goal.findFirstOrThrow({
    where: { plan: { studentId: zoe.id, status: "ACTIVE" } },
    orderBy: { position: "asc" },
    select: { id: true, planId: true, ratings: { select: { id: true } } },
  });
  await db.rating.updateMany({ where: { goalId: zoeGoal.id }, data: { levelId: levelId("PROFICIENT") } });
  for (const [k, level] of (["BEGINNING", "DEVELOPING"] as const).entries()) {
    await db.evidence.create({
      data: {
        planId: zoeGoal.planId,
        studentId: zoe.id,
        addedById: zoe.id,
        kind: "TEXT",
        title: k === 0 ? "First draft of my argument" : "Second draft, with sources",
        text: "What I wrote, and the feedback I used.",
        createdAt: ago(34 - k * 6),
        goals: { create: { goalId: zoeGoal.id } },
        ratings: {
          create: {
            goalId: zoeGoal.id,
            raterId: nguyen.id,
            levelId: levelId(level),
            feedback: k === 0 ? "A clear claim. Now find evidence for it." : "Good sources; explain how each supports your claim.",
            createdAt: ago(33 - k * 6),
          },
        },
      },
    });
  }

  // Gabi's first goal grew the same way, so the family page's chart has a line to draw.
  const gabiGoal = await db.goal.findFirstOrThrow({
    where: { plan: { studentId: gabi.id, status: "ACTIVE" } },
    orderBy: { position: "asc" },
    select: { id: true, planId: true },
  });
  await db.rating.updateMany({ where: { goalId: gabiGoal.id }, data: { levelId: levelId("PROFICIENT") } });
  for (const [k, level] of (["BEGINNING", "DEVELOPING"] as const).entries()) {
    await db.evidence.create({
      data: {
        planId: gabiGoal.planId,
        studentId: gabi.id,
        addedById: gabi.id,
        kind: "TEXT",
        title: k === 0 ? "My first leaf drawings" : "Leaf drawings with labels",
        text: "What I saw and drew.",
        createdAt: ago(32 - k * 6),
        goals: { create: { goalId: gabiGoal.id } },
        ratings: {
          create: {
            goalId: gabiGoal.id,
            raterId: whitfield.id,
            levelId: levelId(level),
            feedback: k === 0 ? "Careful drawings. Now label the parts." : "Good labels; next, explain what each part does.",
            createdAt: ago(31 - k * 6),
          },
        },
      },
    });
  }

  // A real framework for the district: the Common Core grade 7 math package, in CASE shape.
  await importCasePackage(COMMAND_LINE, {
    organizationId: districtId,
    json: await readFile(path.join(import.meta.dirname, "case/ccss-math-grade7.json"), "utf8"),
  });

  // Learning outside school (issue 10): Maya's own record, and Ethan's, which he has asked his
  // teachers to review on the standard it shows.
  const ethan = students[9];
  if (!ethan) throw new Error("The demo's students were not created");
  await db.learningRecord.create({
    data: {
      studentId: maya.id,
      schoolId: school.id,
      title: "Tide pool survey with the nature center",
      description: "Counted anemones and crabs along a transect and learned how tides change what lives where.",
      setting: "COMMUNITY",
      place: "Northbrook Nature Center",
      happenedOn: ago(12),
      durationMinutes: 150,
      withWhom: "A naturalist and my cousin",
      createdAt: ago(12),
    },
  });
  await db.learningRecord.create({
    data: {
      studentId: ethan.id,
      schoolId: school.id,
      title: "Speech at the food bank volunteers' meeting",
      description: "Presented our team's plan to cut food waste to forty volunteers, with the numbers behind it, and answered questions.",
      setting: "COMMUNITY",
      place: "Northbrook Food Bank",
      happenedOn: ago(6),
      durationMinutes: 45,
      withWhom: "The volunteer coordinator",
      reviewRequestedAt: ago(5),
      createdAt: ago(6),
      standards: { create: { standardId: standardId.get("CCSS.ELA-LITERACY.SL.7.4") as string, linkedAt: ago(5) } },
      linkEvents: {
        create: {
          studentId: ethan.id,
          standardId: standardId.get("CCSS.ELA-LITERACY.SL.7.4") as string,
          action: "LINKED",
          actorId: ethan.id,
          createdAt: ago(5),
        },
      },
    },
  });

  // Stored mastery for every student with ratings, as the rating command keeps it from now on.
  const rated = await db.plan.findMany({ where: { goals: { some: { ratings: { some: {} } } } }, select: { studentId: true } });
  await db.$transaction(
    (tx) =>
      recomputeStudents(
        tx,
        rated.map((p) => p.studentId),
      ),
    { timeout: 60_000 },
  );

  const tomasPlan = await db.plan.findFirstOrThrow({ where: { studentId: tomas.id }, select: { id: true } });
  const tomasComment = await db.comment.create({
    data: { planId: tomasPlan.id, authorId: ortiz.id, body: "Nice strategy: tell me more about the recipes.", createdAt: ago(1) },
    select: { id: true },
  });
  await db.notification.create({
    data: {
      userId: tomas.id,
      type: "COMMENT_ADDED",
      actorId: ortiz.id,
      planId: tomasPlan.id,
      commentId: tomasComment.id,
      createdAt: ago(1),
    },
  });
  // Lucía hears, in Spanish, that Tomás's plan was approved: it waits for her daily digest
  // (e2e/spanish.spec.ts reads it), and the plan waits on her family page for her to acknowledge it.
  const tomasApproved = await db.planEvent.findFirstOrThrow({
    where: { planId: tomasPlan.id, toStatus: "ACTIVE" },
    select: { id: true, actorId: true },
  });
  await db.notification.create({
    data: {
      userId: lucia.id,
      type: "PLAN_STATUS_CHANGED",
      actorId: tomasApproved.actorId,
      planId: tomasPlan.id,
      eventId: tomasApproved.id,
      createdAt: ago(1),
    },
  });

  await db.notification.createMany({
    data: [
      { userId: nguyen.id, type: "WELCOME" },
      { userId: maya.id, type: "WELCOME" },
    ],
  });

  return {
    password: DEMO_PASSWORD,
    accounts: [
      { role: "District admin", ...DEMO_ACCOUNTS.districtAdmin },
      { role: "School admin", ...DEMO_ACCOUNTS.admin },
      { role: "Teacher", ...DEMO_ACCOUNTS.teacher },
      { role: "Teacher + parent", ...DEMO_ACCOUNTS.mathTeacher },
      { role: "Teacher", ...DEMO_ACCOUNTS.scienceTeacher },
      { role: "Student", ...DEMO_ACCOUNTS.student },
      { role: "Parent", ...DEMO_ACCOUNTS.guardian },
      { role: "Parent of two", ...DEMO_ACCOUNTS.familyOfTwo },
    ],
  };
}
