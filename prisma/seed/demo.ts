// Seeds the demo school: 1 admin, 3 teachers, 4 classes, 30 students, 20 guardians,
// standards in the four core subjects, and plans in every status with evidence and
// ratings, so every screen has something real to show.
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { PlanStatus, PlanType, Proficiency, Subject } from "@/lib/generated/prisma/enums.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";

const FIRST = ["Maya", "Jonah", "Aisha", "Liam", "Sofia", "Mateo", "Priya", "Noah", "Zoe", "Ethan", "Amara", "Lucas", "Hana", "Owen", "Isla",
  "Kai", "Leila", "Diego", "Nora", "Samuel", "Yuki", "Gabriel", "Chloe", "Omar", "Ruby", "Felix", "Imani", "Theo", "Lena", "Marcus"];
const LAST = ["Chen", "Brooks", "Rahman", "Walsh", "Alvarez", "Rossi", "Patel", "Kim", "Okoro", "Murphy", "Diallo", "Moreau", "Sato", "Fischer", "Lindqvist",
  "Mahoe", "Haddad", "Ramirez", "Kowalski", "Adeyemi", "Tanaka", "Silva", "Dubois", "Farouk", "Hughes", "Novak", "Mensah", "Baker", "Vogel", "Grant"];
const GUARDIAN_FIRST = ["Wei", "Renee", "Farida", "Sean", "Carmen", "Paolo", "Anil", "Grace", "Chidi", "Maura", "Fatou", "Claire", "Kenji", "Petra", "Erik",
  "Leilani", "Rami", "Elena", "Marta", "Tunde"];

const STANDARDS: { code: string; framework: string; subject: Subject; gradeBand: string; description: string }[] = [
  { code: "CCSS.ELA-LITERACY.RI.7.1", framework: "Common Core", subject: "ELA", gradeBand: "7", description: "Cite several pieces of textual evidence to support analysis of what the text says explicitly and inferences drawn from it." },
  { code: "CCSS.ELA-LITERACY.W.7.1", framework: "Common Core", subject: "ELA", gradeBand: "7", description: "Write arguments to support claims with clear reasons and relevant evidence." },
  { code: "CCSS.ELA-LITERACY.SL.7.4", framework: "Common Core", subject: "ELA", gradeBand: "7", description: "Present claims and findings, emphasizing salient points in a focused, coherent manner." },
  { code: "CCSS.MATH.CONTENT.7.RP.A.2", framework: "Common Core", subject: "MATH", gradeBand: "7", description: "Recognize and represent proportional relationships between quantities." },
  { code: "CCSS.MATH.CONTENT.7.EE.B.4", framework: "Common Core", subject: "MATH", gradeBand: "7", description: "Use variables to represent quantities in a real-world problem, and construct simple equations and inequalities." },
  { code: "CCSS.MATH.CONTENT.7.SP.A.1", framework: "Common Core", subject: "MATH", gradeBand: "7", description: "Understand that statistics can be used to gain information about a population by examining a sample." },
  { code: "NGSS.MS-LS1-6", framework: "NGSS", subject: "SCIENCE", gradeBand: "6-8", description: "Construct a scientific explanation for the role of photosynthesis in the cycling of matter and flow of energy." },
  { code: "NGSS.MS-ESS3-3", framework: "NGSS", subject: "SCIENCE", gradeBand: "6-8", description: "Apply scientific principles to design a method for monitoring and minimizing a human impact on the environment." },
  { code: "NGSS.MS-PS3-3", framework: "NGSS", subject: "SCIENCE", gradeBand: "6-8", description: "Apply scientific principles to design, construct, and test a device that minimizes or maximizes thermal energy transfer." },
  { code: "C3.D2.His.1.6-8", framework: "C3 Framework", subject: "SOCIAL_STUDIES", gradeBand: "6-8", description: "Analyze connections among events and developments in broader historical contexts." },
  { code: "C3.D2.Civ.10.6-8", framework: "C3 Framework", subject: "SOCIAL_STUDIES", gradeBand: "6-8", description: "Explain the relevance of personal interests and perspectives, civic virtues, and democratic principles when people address issues." },
  { code: "C3.D2.Geo.2.6-8", framework: "C3 Framework", subject: "SOCIAL_STUDIES", gradeBand: "6-8", description: "Use maps, satellite images, and other representations to explain relationships between locations of places and regions." },
];

type GoalSeed = { subject: Subject; title: string; successCriteria: string; masteryDemonstration: string; standard: string };

const GOALS: GoalSeed[] = [
  { subject: "ELA", title: "Write an argumentative essay about a local issue", successCriteria: "A clear claim, three reasons each backed by evidence, and a counterclaim answered.", masteryDemonstration: "A final essay and a short talk to the class.", standard: "CCSS.ELA-LITERACY.W.7.1" },
  { subject: "MATH", title: "Use proportions to plan a community garden budget", successCriteria: "Correct unit rates and a scaled plan that stays within budget.", masteryDemonstration: "A budget spreadsheet with worked ratios.", standard: "CCSS.MATH.CONTENT.7.RP.A.2" },
  { subject: "SCIENCE", title: "Explain photosynthesis through a plant-growth experiment", successCriteria: "A testable question, controlled variables, data over three weeks, and a conclusion tied to matter and energy.", masteryDemonstration: "A lab notebook and a poster.", standard: "NGSS.MS-LS1-6" },
  { subject: "SOCIAL_STUDIES", title: "Trace how the river shaped our town's history", successCriteria: "A timeline of five events with causes and effects, using two primary sources.", masteryDemonstration: "An annotated map and timeline.", standard: "C3.D2.His.1.6-8" },
  { subject: "MATH", title: "Collect and analyse survey data from my grade", successCriteria: "A fair sample, a clear chart, and conclusions that state their limits.", masteryDemonstration: "A one-page report with charts.", standard: "CCSS.MATH.CONTENT.7.SP.A.1" },
  { subject: "ELA", title: "Read and cite evidence from three non-fiction texts", successCriteria: "Each inference is supported by at least two quotes.", masteryDemonstration: "A reading journal with citations.", standard: "CCSS.ELA-LITERACY.RI.7.1" },
];

const PLAN_TITLES = ["Our river, our town", "Growing a school garden", "Speaking up for my community", "Data detectives", "Science of everyday energy", "My independent study term"];

const STATUS_CYCLE: PlanStatus[] = ["ACTIVE", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "DRAFT", "COMPLETED", "ARCHIVED", "ACTIVE"];

const ORDER: PlanStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "ACTIVE", "COMPLETED", "ARCHIVED"];

const day = (offset: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
};
const ago = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);

export type SeedSummary = { password: string; accounts: { role: string; email: string; name: string }[] };

export async function seedDemoSchool(db: Db): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, 10);
  const school = await db.school.create({ data: { name: "Northbrook Community School" } });
  const term = await db.term.create({ data: { schoolId: school.id, name: "2026–27 Year", startsOn: day(-80), endsOn: day(200) } });

  const user = (role: "ADMIN" | "TEACHER" | "STUDENT" | "GUARDIAN", name: string, email: string) => ({
    schoolId: school.id,
    role,
    name,
    email,
    passwordHash,
  });
  const admin = await db.user.create({ data: user("ADMIN", DEMO_ACCOUNTS.admin.name, DEMO_ACCOUNTS.admin.email), select: { id: true } });
  const [nguyen, okafor, garcia] = await db.user.createManyAndReturn({
    data: [DEMO_ACCOUNTS.teacher, DEMO_ACCOUNTS.mathTeacher, DEMO_ACCOUNTS.scienceTeacher].map((t) => user("TEACHER", t.name, t.email)),
    select: { id: true, name: true },
  });
  const students = await db.user.createManyAndReturn({
    data: FIRST.map((f, i) => user("STUDENT", `${f} ${LAST[i]}`, `${f}.${LAST[i]}@northbrook.test`.toLowerCase())),
    select: { id: true, name: true },
  });
  await db.studentProfile.createMany({
    data: students.map((s, i) => ({
      userId: s.id,
      gradeLevel: i < 15 ? 7 : 8,
      strengths: ["Curious and asks good questions", "Strong visual thinker", "Persistent with hard problems", "Clear writer"][i % 4],
      needs: ["Breaking big projects into steps", "Confidence speaking in groups", "Reading stamina", "Checking work carefully"][i % 4],
      interests: ["Soccer and data", "Drawing and comics", "Rivers and fishing", "Music production", "Cooking"][i % 5],
      learningPreferences: ["Hands-on projects", "Working with a partner", "Quiet reading time", "Videos and diagrams"][i % 4],
    })),
  });
  const guardians = await db.user.createManyAndReturn({
    data: GUARDIAN_FIRST.map((f, i) =>
      i === 0 ? user("GUARDIAN", DEMO_ACCOUNTS.guardian.name, DEMO_ACCOUNTS.guardian.email) : user("GUARDIAN", `${f} ${LAST[i]}`, `${f}.${LAST[i]}@family.test`.toLowerCase()),
    ),
    select: { id: true },
  });
  await db.guardianLink.createMany({
    data: [
      ...guardians.map((g, i) => ({ guardianId: g.id, studentId: students[i].id, relationship: i % 3 === 0 ? "Father" : "Mother" })),
      // One family with two children at the school.
      { guardianId: guardians[0].id, studentId: students[20].id, relationship: "Father" },
    ],
  });

  const classes = await db.class.createManyAndReturn({
    data: [
      { schoolId: school.id, termId: term.id, name: "Grade 7 English", subject: "ELA" as const, gradeLevel: 7 },
      { schoolId: school.id, termId: term.id, name: "Grade 7 Math", subject: "MATH" as const, gradeLevel: 7 },
      { schoolId: school.id, termId: term.id, name: "Grade 8 Science", subject: "SCIENCE" as const, gradeLevel: 8 },
      { schoolId: school.id, termId: term.id, name: "Grade 8 Social Studies", subject: "SOCIAL_STUDIES" as const, gradeLevel: 8 },
    ],
    select: { id: true },
  });
  await db.classTeacher.createMany({
    data: [
      { classId: classes[0].id, teacherId: nguyen.id },
      { classId: classes[1].id, teacherId: okafor.id },
      { classId: classes[2].id, teacherId: garcia.id },
      { classId: classes[3].id, teacherId: garcia.id },
    ],
  });
  // Grade 7 (students 0–14) take English and Math; grade 8 (15–29) Science and Social Studies.
  await db.enrollment.createMany({
    data: students.flatMap((s, i) => (i < 15 ? [classes[0], classes[1]] : [classes[2], classes[3]]).map((c) => ({ classId: c.id, studentId: s.id }))),
  });

  const standards = await db.standard.createManyAndReturn({
    data: STANDARDS.map((s) => ({ ...s, schoolId: school.id })),
    select: { id: true, code: true },
  });
  const standardId = new Map(standards.map((s) => [s.code, s.id]));

  await db.planTemplate.create({
    data: {
      schoolId: school.id,
      createdById: admin.id,
      name: "Independent study (one term)",
      type: "INDEPENDENT_STUDY",
      description: "For students learning away from school: one goal in each core subject.",
      goals: GOALS.slice(0, 4).map(({ subject, title, successCriteria, masteryDemonstration }) => ({ subject, title, successCriteria, masteryDemonstration })),
    },
  });

  // Plans: the first 24 students get one plan each, cycling through every status;
  // Maya (the demo student) also has a draft and a plan with changes requested.
  const teacherOf = (i: number) => (i < 15 ? (i % 2 === 0 ? nguyen : okafor) : garcia);
  const planSpecs: { studentIndex: number; status: PlanStatus; type: PlanType; title: string; goals: GoalSeed[] }[] = [];
  for (let i = 0; i < 24; i++) {
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
    const goals = [GOALS[i % GOALS.length], GOALS[(i + 1) % GOALS.length], GOALS[(i + 2) % GOALS.length]];
    planSpecs.push({ studentIndex: i, status, type: i % 3 === 2 ? "INDEPENDENT_STUDY" : "PERSONALIZED", title: PLAN_TITLES[i % PLAN_TITLES.length], goals });
  }
  planSpecs.push({ studentIndex: 0, status: "DRAFT", type: "INDEPENDENT_STUDY", title: "Spring trip independent study", goals: [GOALS[3], GOALS[4]] });
  planSpecs.push({ studentIndex: 0, status: "CHANGES_REQUESTED", type: "PERSONALIZED", title: "Reading like a historian", goals: [GOALS[5]] });

  const levels: Proficiency[] = ["DEVELOPING", "PROFICIENT", "ADVANCED", "BEGINNING"];
  for (const [n, spec] of planSpecs.entries()) {
    const student = students[spec.studentIndex];
    const teacher = teacherOf(spec.studentIndex);
    const reached = (s: PlanStatus) => ORDER.indexOf(spec.status) >= ORDER.indexOf(s) && spec.status !== "CHANGES_REQUESTED";
    const events: { actorId: string; fromStatus: PlanStatus | null; toStatus: PlanStatus; note: string; createdAt: Date }[] = [
      { actorId: student.id, fromStatus: null, toStatus: "DRAFT", note: "Plan started", createdAt: ago(40) },
    ];
    if (spec.status !== "DRAFT") events.push({ actorId: student.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", note: "", createdAt: ago(35) });
    if (spec.status === "CHANGES_REQUESTED") {
      events.push({ actorId: teacher.id, fromStatus: "SUBMITTED", toStatus: "CHANGES_REQUESTED", note: "Great start! Please add how you will show mastery for each goal in more detail, and narrow the dates.", createdAt: ago(33) });
    }
    if (reached("IN_REVIEW")) events.push({ actorId: teacher.id, fromStatus: "SUBMITTED", toStatus: "IN_REVIEW", note: "", createdAt: ago(34) });
    if (reached("ACTIVE")) events.push({ actorId: teacher.id, fromStatus: "IN_REVIEW", toStatus: "ACTIVE", note: "Approved — ambitious and well planned.", createdAt: ago(33) });
    if (reached("COMPLETED")) events.push({ actorId: teacher.id, fromStatus: "ACTIVE", toStatus: "COMPLETED", note: "All goals met. Well done!", createdAt: ago(3) });
    if (reached("ARCHIVED")) events.push({ actorId: admin.id, fromStatus: "COMPLETED", toStatus: "ARCHIVED", note: "", createdAt: ago(1) });

    const plan = await db.plan.create({
      data: {
        schoolId: school.id,
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
          })),
        },
      },
      select: { id: true, goals: { select: { id: true, title: true }, orderBy: { position: "asc" } } },
    });
    if (spec.status === "CHANGES_REQUESTED") {
      await db.comment.create({ data: { planId: plan.id, authorId: teacher.id, body: "I love the topic. Which library or museum resources will you use?", createdAt: ago(33) } });
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
          text: g % 2 === 0 ? "I interviewed two neighbours and compared their answers with what I read. Here is what I found and what surprised me." : null,
          url: g % 2 === 0 ? null : "https://example.org/projects/northbrook-slides",
          reflection: "The hardest part was organising my notes. Next time I will start a table on day one.",
          createdAt: ago(20 - g),
          goals: { create: { goalId: goal.id } },
        },
        select: { id: true },
      });
      if (withRating) {
        const level = spec.status === "ACTIVE" ? levels[(n + g) % levels.length] : g === 2 ? "ADVANCED" : "PROFICIENT";
        await db.rating.create({
          data: {
            evidenceId: evidence.id,
            goalId: goal.id,
            raterId: teacher.id,
            level,
            feedback: "Clear thinking and good use of evidence. Next step: explain why your sources agree or disagree.",
            createdAt: ago(18 - g),
          },
        });
      }
    }
  }

  await db.notification.createMany({
    data: [
      { userId: nguyen.id, title: "Welcome to Pathways", body: "Your review queue lists plans waiting for you.", href: "/teacher" },
      { userId: students[0].id, title: "Welcome to Pathways", body: "Start a plan or add evidence to your active plan.", href: "/student" },
    ],
  });

  return {
    password: DEMO_PASSWORD,
    accounts: [
      { role: "School admin", ...DEMO_ACCOUNTS.admin },
      { role: "Teacher", ...DEMO_ACCOUNTS.teacher },
      { role: "Teacher", ...DEMO_ACCOUNTS.scienceTeacher },
      { role: "Student", ...DEMO_ACCOUNTS.student },
      { role: "Parent", ...DEMO_ACCOUNTS.guardian },
    ],
  };
}
