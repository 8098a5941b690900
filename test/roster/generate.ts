// A deterministic generator of realistic OneRoster 1.1 CSV exports: a district with
// middle schools, a school year with two semesters, courses and sections per grade and
// subject (SCED codes), teachers (some at two schools), aides, administrators, a proctor,
// students with grades and families of one or two guardians whose agentSourcedIds sit on
// the student's row, the guardian's, or both. Names carry commas, quotes and accents.
// Used by the tests, the benchmark and the browser journey; imports nothing from the app
// but the spec's column lists.
import { strToU8, zipSync } from "fflate";
import { HEADERS, ROSTER_FILES, type RosterFile } from "../../lib/roster/spec";

export type Cells = Record<string, string>;
export type RosterModel = Record<RosterFile, Cells[]> & { manifest: [string, string][]; extra: Record<string, string> };

export type RosterOptions = {
  students: number;
  /** Distinguishes sourcedIds and email domains, so several districts can share a database. */
  prefix: string;
  seed?: number;
  studentsPerSchool?: number;
  /** The day the school year's dates are built around (default: now). */
  today?: Date;
};

const FIRST = [
  "Maya",
  "José",
  "Zoë",
  "Liam",
  "Aisha",
  "Renée",
  "Mateo",
  "Chloé",
  "Noah",
  "Siobhán",
  "Kai",
  "Björn",
  "Amara",
  "Đức",
  "Lena",
  "Omar",
  "Priya",
  "Nuño",
  "Hana",
  "Theo",
];
const LAST = [
  "Chen",
  "O'Brien",
  "García",
  "Nguyễn",
  "Smith, Jr.",
  "Okafor",
  "Müller",
  "Rahman",
  "Kowalski",
  "Dubois",
  "Haddad",
  "Sato",
  "Mensah",
  "Lindqvist",
  "Álvarez",
  "Brooks",
  "Patel",
  "Novak",
  "Ramírez",
  "Fischer",
];
const SCHOOLS = [
  "Maple Grove Middle School",
  "Cedar Ridge Middle School",
  "Lakeview Academy",
  "Harbor Point School",
  "Willow Creek Middle School",
  "Riverbend School",
];
const SUBJECTS = [
  { title: "English Language Arts", short: "ELA", code: "01001", elective: false },
  { title: "Mathematics", short: "Math", code: "02052", elective: false },
  { title: "Science", short: "Science", code: "03001", elective: false },
  { title: "Social Studies", short: "Social Studies", code: "04001", elective: false },
  { title: "Visual Arts", short: "Art", code: "05154", elective: true },
  { title: "Spanish", short: "Spanish", code: "06101", elective: true },
];
const GRADES = ["06", "07", "08"];
const SECTION_SIZE = 28;
const SECTIONS_PER_TEACHER = 5;

/** A small seeded generator (mulberry32): the same options give the same files. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/Đ/g, "D")
    .replace(/đ/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

function day(d: Date) {
  return d.toISOString().slice(0, 10);
}

export function buildRoster(options: RosterOptions): RosterModel {
  const { prefix: p, students } = options;
  const rand = random(options.seed ?? 7);
  const perSchool = options.studentsPerSchool ?? 400;
  const today = options.today ?? new Date();
  const startYear = today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const domain = `${p}.example.org`;
  const model: RosterModel = {
    orgs: [],
    academicSessions: [],
    courses: [],
    classes: [],
    users: [],
    enrollments: [],
    manifest: [],
    extra: {},
  };
  let userNumber = 0;
  let enrollmentNumber = 0;
  const person = (role: string, orgs: string[], extra: Cells = {}): Cells => {
    const n = userNumber++;
    const given = n % 53 === 11 ? 'Anne "Annie"' : FIRST[n % FIRST.length]!;
    const family = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
    const row: Cells = {
      sourcedId: `${p}-u-${n}`,
      enabledUser: "true",
      orgSourcedIds: orgs.join(","),
      role,
      username: `${ascii(given)}.${ascii(family)}.${n}`,
      givenName: given,
      familyName: family,
      email: `${ascii(given)}.${ascii(family)}.${n}@${domain}`,
      ...extra,
    };
    model.users.push(row);
    return row;
  };
  const enroll = (classSourcedId: string, schoolSourcedId: string, userSourcedId: string, role: string, primary = "false") => {
    model.enrollments.push({ sourcedId: `${p}-e-${enrollmentNumber++}`, classSourcedId, schoolSourcedId, userSourcedId, role, primary });
  };

  const district = `${p}-district`;
  model.orgs.push({ sourcedId: district, name: `${p} Unified School District`, type: "district", identifier: "0601234" });
  const sy = `${p}-sy`;
  const [fall, spring] = [`${p}-fall`, `${p}-spring`];
  const yearStart = new Date(Date.UTC(startYear, 7, 1));
  const yearEnd = new Date(Date.UTC(startYear + 1, 5, 30));
  model.academicSessions.push(
    {
      sourcedId: sy,
      title: `${startYear}-${startYear + 1}`,
      type: "schoolYear",
      startDate: day(yearStart),
      endDate: day(yearEnd),
      schoolYear: String(startYear + 1),
    },
    {
      sourcedId: fall,
      title: `Fall ${startYear}`,
      type: "semester",
      startDate: day(yearStart),
      endDate: `${startYear}-12-31`,
      parentSourcedId: sy,
      schoolYear: String(startYear + 1),
    },
    {
      sourcedId: spring,
      title: `Spring ${startYear + 1}`,
      type: "semester",
      startDate: `${startYear + 1}-01-01`,
      endDate: day(yearEnd),
      parentSourcedId: sy,
      schoolYear: String(startYear + 1),
    },
    // Not used by any class: reported as not stored.
    {
      sourcedId: `${p}-q1`,
      title: `Quarter 1`,
      type: "gradingPeriod",
      startDate: day(yearStart),
      endDate: `${startYear}-10-15`,
      parentSourcedId: fall,
      schoolYear: String(startYear + 1),
    },
  );
  // A district-wide course: each school's advisory (homeroom) sections belong to it.
  const advisory = `${p}-course-advisory`;
  model.courses.push({
    sourcedId: advisory,
    schoolYearSourcedId: sy,
    title: "Advisory",
    courseCode: "ADV",
    grades: GRADES.join(","),
    orgSourcedId: district,
    subjects: "Homeroom",
  });

  const schoolCount = Math.max(1, Math.ceil(students / perSchool));
  const schools = Array.from({ length: schoolCount }, (_, s) => `${p}-school-${s}`);
  schools.forEach((sid, s) => {
    const name = SCHOOLS[s % SCHOOLS.length]! + (s >= SCHOOLS.length ? ` ${Math.floor(s / SCHOOLS.length) + 1}` : "");
    model.orgs.push({ sourcedId: sid, name, type: "school", identifier: String(1000 + s), parentSourcedId: district });
  });
  person("administrator", [district]);
  person("proctor", [schools[0]!]);

  for (let s = 0; s < schoolCount; s++) {
    const school = schools[s]!;
    const first = s * perSchool;
    const count = Math.min(perSchool, students - first);
    person("administrator", [school]);
    // The school's students, by grade.
    const byGrade = GRADES.map(() => [] as Cells[]);
    for (let i = 0; i < count; i++) {
      const g = i % GRADES.length;
      const student = person("student", [school], { grades: GRADES[g]!, identifier: String(100000 + first + i) });
      if ((first + i) % 97 === 50) student.enabledUser = "false";
      byGrade[g]!.push(student);
    }
    // Sections per course, then teachers for every five sections.
    const sections: { sid: string; grade: number; students: Cells[] }[] = [];
    GRADES.forEach((grade, g) => {
      const kids = byGrade[g]!;
      const sectionCount = Math.max(1, Math.ceil(kids.length / SECTION_SIZE));
      for (const subject of SUBJECTS) {
        const course = `${p}-course-${s}-${grade}-${subject.code}`;
        model.courses.push({
          sourcedId: course,
          schoolYearSourcedId: sy,
          title: `${subject.short} ${Number(grade)}`,
          courseCode: `${subject.code}-${grade}`,
          grades: grade,
          orgSourcedId: school,
          subjects: subject.title,
          subjectCodes: subject.code,
        });
        for (let k = 0; k < sectionCount; k++) {
          const sid = `${p}-class-${s}-${grade}-${subject.code}-${k + 1}`;
          model.classes.push({
            sourcedId: sid,
            title: `${subject.short} ${Number(grade)} (Section ${k + 1})`,
            grades: grade,
            courseSourcedId: course,
            classCode: `${subject.code}-${grade}-${k + 1}`,
            classType: "scheduled",
            location: `Room ${100 + (model.classes.length % 60)}`,
            schoolSourcedId: school,
            // Electives run one semester each; core classes the whole year.
            termSourcedIds: subject.elective ? `${fall},${spring}` : sy,
            subjects: subject.title,
            subjectCodes: subject.code,
            periods: String((k % 7) + 1),
          });
          sections.push({ sid, grade: g, students: kids.filter((_, i) => i % sectionCount === k) });
        }
      }
      const homeroom = `${p}-class-${s}-${grade}-advisory`;
      model.classes.push({
        sourcedId: homeroom,
        title: `Advisory ${Number(grade)}`,
        grades: grade,
        courseSourcedId: advisory,
        classType: "homeroom",
        schoolSourcedId: school,
        termSourcedIds: sy,
        subjects: "Homeroom",
      });
      sections.push({ sid: homeroom, grade: g, students: kids });
    });
    for (let t = 0; t * SECTIONS_PER_TEACHER < sections.length; t++) {
      // Every tenth teacher also teaches at the next school.
      const orgs = schoolCount > 1 && t % 10 === 9 ? [school, schools[(s + 1) % schoolCount]!] : [school];
      const teacher = person("teacher", orgs);
      for (const section of sections.slice(t * SECTIONS_PER_TEACHER, (t + 1) * SECTIONS_PER_TEACHER)) {
        enroll(section.sid, school, teacher.sourcedId!, "teacher", "true");
      }
    }
    const aide = person("aide", [school]);
    for (const section of sections.slice(0, 2)) enroll(section.sid, school, aide.sourcedId!, "teacher");
    for (const section of sections) for (const kid of section.students) enroll(section.sid, school, kid.sourcedId!, "student");

    // Families: one or two guardians, one or two children (siblings in the same school).
    const kids = byGrade.flat();
    for (let i = 0, family = 0; i < kids.length; family++) {
      const children = kids.slice(i, i + (rand() < 0.2 ? 2 : 1));
      i += children.length;
      const guardians = Array.from({ length: rand() < 0.4 ? 2 : 1 }, (_, k) =>
        person(["parent", "guardian", "relative"][(family + k) % 3]!, [school]),
      );
      const style = family % 3; // 0: on the student's row, 1: on the guardian's, 2: both
      if (style !== 1) for (const child of children) child.agentSourcedIds = guardians.map((g) => g.sourcedId).join(",");
      if (style !== 0) for (const g of guardians) g.agentSourcedIds = children.map((c) => c.sourcedId).join(",");
    }
  }

  model.manifest = [
    ["manifest.version", "1.0"],
    ["oneroster.version", "1.1"],
    ["file.academicSessions", "bulk"],
    ["file.categories", "absent"],
    ["file.classes", "bulk"],
    ["file.classResources", "absent"],
    ["file.courses", "bulk"],
    ["file.courseResources", "absent"],
    ["file.demographics", "absent"],
    ["file.enrollments", "bulk"],
    ["file.lineItems", "absent"],
    ["file.orgs", "bulk"],
    ["file.resources", "absent"],
    ["file.results", "absent"],
    ["file.users", "bulk"],
    ["source.systemName", "Generated SIS"],
  ];
  return model;
}

/** One CSV record, quoted as RFC 4180 says (commas, quotes and line breaks). */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

export function csvOf(header: readonly string[], rows: readonly Cells[]): string {
  return [csvLine(header), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? "")))].join("\r\n") + "\r\n";
}

/** The export's files by name (manifest.csv, orgs.csv, …, and any extra files). */
export function rosterFiles(model: RosterModel): Record<string, string> {
  const files: Record<string, string> = {
    "manifest.csv": [csvLine(["propertyName", "value"]), ...model.manifest.map((m) => csvLine(m))].join("\r\n") + "\r\n",
  };
  for (const file of ROSTER_FILES) files[`${file}.csv`] = csvOf(HEADERS[file], model[file]);
  return { ...files, ...model.extra };
}

export function rosterZip(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** The files as uploads (name and bytes), as the admin page and the command line pass them. */
export function uploadsOf(files: Record<string, string>) {
  return Object.entries(files).map(([name, text]) => ({ name, bytes: strToU8(text) }));
}
