// The pages' and route handlers' permission matrix: one row per app/**/page.tsx and
// app/**/route.ts, keyed by its URL pattern. e2e/permission-matrix.spec.ts GETs each row's `url`
// (its {placeholders} filled with ids from the demo data) as every kind of caller and expects:
//   200       may see it
//   404       not found (a record they have no relationship to is simply not there)
//   403       the 403 page (wrong role for the page)
//   401       refused by a route that authenticates something other than a person (an xAPI tool)
//   405       a method the route does not answer (the one-click unsubscribe takes only POST)
//   501       a resource no one is offered (the xAPI catch-all)
//   "sign-in" sent to sign in (no session, or a disabled person's)
//   "home"    sent somewhere else (their home page)
// Unless a row says otherwise, the anonymous and the disabled caller are sent to sign in by a page,
// and answered 401 by a route handler (a download or an API has no sign-in page to show).
//
// Adding a page: `"/things/[id]": seen("/things/{thing}", { teacher: 200 }),` — and, when it needs
// a new id, say in e2e/permission-matrix.spec.ts (`ids`) how to find it.
import { KINDS, SIGNED_IN, type Kind } from "./kinds";

export type Expect = 200 | 401 | 403 | 404 | 405 | 501 | "sign-in" | "home";
export type RouteRow = { url: string; expect: Record<Kind, Expect>; headers?: Record<string, string> };

const ADMINS: Kind[] = ["admin", "otherAdmin", "districtAdmin"];
const STUDENTS: Kind[] = ["student", "otherStudent"];
const TEACHERS: Kind[] = ["teacher", "otherTeacher"];
const GUARDIANS: Kind[] = ["guardian", "otherGuardian"];
/** Those who may see the demo student's records: herself, her guardian, her teacher, her school's and her district's admins. */
const HER_CIRCLE = ["student", "guardian", "teacher", "admin", "districtAdmin"] as const;

/** Every kind gets `others`, but these; the anonymous and disabled caller go to sign in unless named. */
function row(url: string, see: Partial<Record<Kind, Expect>>, others: Expect): RouteRow {
  const expect = {} as Record<Kind, Expect>;
  for (const k of KINDS) expect[k] = see[k] ?? (k === "anonymous" || k === "disabled" ? "sign-in" : others);
  return { url, expect };
}
const each = (kinds: readonly Kind[], e: Expect) => Object.fromEntries(kinds.map((k) => [k, e])) as Partial<Record<Kind, Expect>>;
/** A page for a role: its holders see it, everyone else signed in gets the 403 page. */
const forRole = (url: string, kinds: readonly Kind[], extra: Partial<Record<Kind, Expect>> = {}) =>
  row(url, { ...each(kinds, 200), ...extra }, 403);
/** A page about one record: these see it (or get what is named), everyone else signed in finds nothing. */
const seen = (url: string, see: Partial<Record<Kind, Expect>>) => row(url, see, 404);
const herCircle = (extra: Partial<Record<Kind, Expect>> = {}) => ({ ...each(HER_CIRCLE, 200), ...extra });
/** The same answer for everyone, signed in or not. */
const open = (url: string, e: Expect = 200) => row(url, each(KINDS, e), e);
const signedIn = (url: string) => row(url, each(SIGNED_IN, 200), 200);
/** A route handler: 401 instead of a trip to the sign-in page. */
const handler = (r: RouteRow): RouteRow => ({
  ...r,
  expect: Object.fromEntries(Object.entries(r.expect).map(([k, e]) => [k, e === "sign-in" ? 401 : e])) as Record<Kind, Expect>,
});
/** xAPI routes authenticate a tool (HTTP Basic), never a person: a session is no key. */
const XAPI = { "X-Experience-API-Version": "1.0.3" };
/** A page about a record of the demo school: its admin and the district's see it, the other school's admin finds nothing. */
const schoolAdmin = (url: string) => row(url, { admin: 200, districtAdmin: 200, otherAdmin: 404 }, 403);

export const PAGE_ROWS: Record<string, RouteRow> = {
  "/": row("/", each(SIGNED_IN, "home"), "home"),
  "/sign-in": row("/sign-in", { ...each(SIGNED_IN, "home"), anonymous: 200, disabled: 200 }, "home"),
  "/sign-in/no-access": open("/sign-in/no-access"),
  "/forgot-password": open("/forgot-password"),
  "/reset-password": open("/reset-password"),
  "/account": signedIn("/account"),
  "/help": signedIn("/help"),
  "/notifications": signedIn("/notifications"),
  "/account/notifications": signedIn("/account/notifications"),
  // The signed link in an email is the authority: without one, everyone reads "This link cannot be used".
  "/unsubscribe": open("/unsubscribe"),
  "/progress": row("/progress", each(STUDENTS, 200), "home"),

  "/student": forRole("/student", STUDENTS),
  "/profile": forRole("/profile", STUDENTS),
  "/plans/new": forRole("/plans/new", STUDENTS),
  "/plans/deleted": forRole("/plans/deleted", STUDENTS),
  "/records": forRole("/records", STUDENTS),
  "/records/new": forRole("/records/new", STUDENTS),
  "/family": forRole("/family", GUARDIANS),
  "/teacher": forRole("/teacher", TEACHERS),
  "/teacher/classes": forRole("/teacher/classes", TEACHERS),
  "/templates": forRole("/templates", [...STUDENTS, ...TEACHERS, ...ADMINS]),
  "/templates/new": forRole("/templates/new", [...TEACHERS, ...ADMINS]),

  "/plans/[id]": seen("/plans/{plan}", herCircle()),
  "/plans/[id]/history": seen("/plans/{plan}/history", herCircle()),
  "/plans/[id]/history/compare": seen("/plans/{plan}/history/compare", {}),
  "/plans/[id]/edit": seen("/plans/{plan}/edit", herCircle(each(HER_CIRCLE, 403))),
  "/plans/[id]/propose": seen("/plans/{plan}/propose", herCircle({ guardian: 403, teacher: 403, admin: 403, districtAdmin: 403 })),
  // A draft is the student's and her teachers' until she submits it: not yet shown to the family.
  "/plans/[id]/agreement": seen("/plans/{studyPlan}/agreement", herCircle({ guardian: 404 })),
  "/plans/[id]/agreement/print": seen("/plans/{studyPlan}/agreement/print", {}),
  // Learning records are the student's, her family's and her teachers' (no admin reads them).
  "/records/[id]": seen("/records/{record}", herCircle({ admin: 404, districtAdmin: 404 })),
  "/students/[id]": seen("/students/{student}", herCircle()),
  "/students/[id]/access": seen("/students/{student}/access", { student: 200, guardian: 200 }),
  "/students/[id]/plans/new": seen("/students/{student}/plans/new", { teacher: 200 }),
  "/students/[id]/progress": seen("/students/{student}/progress", herCircle()),
  "/students/[id]/records": seen("/students/{student}/records", herCircle({ admin: 404, districtAdmin: 404 })),
  "/teacher/classes/[id]": row("/teacher/classes/{class}", { teacher: 200, otherTeacher: 404 }, 403),
  "/teacher/classes/[id]/groups": row("/teacher/classes/{class}/groups", { teacher: 200, otherTeacher: 404 }, 403),
  "/templates/[id]": seen("/templates/{template}", { ...each([...STUDENTS, ...TEACHERS, "admin", "districtAdmin"], 200) }),
  // Those who see the template but may not change it get the 403 page.
  "/templates/[id]/edit": seen("/templates/{template}/edit", {
    ...each(["student", "otherStudent", "otherTeacher"], 403),
    ...each(["teacher", "admin", "districtAdmin"], 200),
  }),

  "/admin": forRole("/admin", ADMINS),
  "/admin/audit": forRole("/admin/audit", ADMINS),
  "/admin/classes": forRole("/admin/classes", ADMINS),
  "/admin/classes/new": forRole("/admin/classes/new", ADMINS),
  "/admin/classes/courses": forRole("/admin/classes/courses", ADMINS),
  "/admin/classes/courses/new": forRole("/admin/classes/courses/new", ADMINS),
  "/admin/classes/terms": forRole("/admin/classes/terms", ADMINS),
  "/admin/classes/terms/new": forRole("/admin/classes/terms/new", ADMINS),
  "/admin/disclosures": forRole("/admin/disclosures", ADMINS),
  "/admin/deletions": forRole("/admin/deletions", ADMINS),
  "/admin/deletions/[id]": row("/admin/deletions/{nothing}", each(ADMINS, 404), 403),
  // The district decides how long it keeps records: its admins only.
  "/admin/retention": forRole("/admin/retention", ["districtAdmin"]),
  "/admin/independent-study": forRole("/admin/independent-study", ADMINS),
  "/admin/independent-study/calendar": schoolAdmin("/admin/independent-study/calendar?organization={school}"),
  "/admin/independent-study/policy": schoolAdmin("/admin/independent-study/policy?organization={school}"),
  "/admin/mastery": forRole("/admin/mastery", ADMINS),
  "/admin/mastery/policy": schoolAdmin("/admin/mastery/policy?organization={school}"),
  "/admin/mastery/scales/new": forRole("/admin/mastery/scales/new", ADMINS),
  "/admin/people": forRole("/admin/people", ADMINS),
  "/admin/people/new": forRole("/admin/people/new", ADMINS),
  "/admin/roster": forRole("/admin/roster", ADMINS),
  "/admin/standards": forRole("/admin/standards", ADMINS),
  "/admin/tools": forRole("/admin/tools", ADMINS),
  "/admin/classes/[id]": schoolAdmin("/admin/classes/{class}"),
  "/admin/classes/[id]/edit": schoolAdmin("/admin/classes/{class}/edit"),
  "/admin/classes/courses/[id]": schoolAdmin("/admin/classes/courses/{course}"),
  "/admin/classes/terms/[id]": schoolAdmin("/admin/classes/terms/{term}"),
  "/admin/people/[id]": schoolAdmin("/admin/people/{student}"),
  "/admin/mastery/scales/[id]": forRole("/admin/mastery/scales/{scale}", ADMINS),
  "/admin/standards/[id]": forRole("/admin/standards/{framework}", ADMINS),
  "/admin/roster/[id]": row("/admin/roster/{nothing}", { districtAdmin: 404 }, 403),
};

export const ROUTE_ROWS: Record<string, RouteRow> = {
  "/admin/disclosures/disclosures.csv": handler(forRole("/admin/disclosures/disclosures.csv", ADMINS)),
  "/plans/[id]/agreement/pdf": handler(seen("/plans/{studyPlan}/agreement/pdf", {})),
  "/plans/[id]/history/latest": handler(seen("/plans/{plan}/history/latest", herCircle())),
  "/teacher/classes/[id]/mastery.csv": handler(row("/teacher/classes/{class}/mastery.csv", { teacher: 200, otherTeacher: 404 }, 403)),
  "/api/auth/[...nextauth]": open("/api/auth/session"),
  "/api/deletions/[id]/pdf": handler(seen("/api/deletions/{nothing}/pdf", {})),
  // The student's data: her school's and district's admins and her guardian; not she, not her teachers.
  "/api/students/[id]/export": handler(seen("/api/students/{student}/export", { guardian: 200, admin: 200, districtAdmin: 200 })),
  "/api/unsubscribe": open("/api/unsubscribe", 405),
  "/api/evidence/[id]/file": handler(seen("/api/evidence/{nothing}/file", {})),
  "/api/records/attachments/[id]/file": handler(seen("/api/records/attachments/{nothing}/file", {})),
  // Another school's admin searching the demo school's standards finds no such school.
  "/api/standards": handler(row("/api/standards?schoolId={school}&q=RI", { ...each(SIGNED_IN, 200), otherAdmin: 404 }, 200)),
  "/api/xapi/[...resource]": { ...open("/api/xapi/activities?activityId=https%3A%2F%2Fexample.test%2Fa", 501), headers: XAPI },
  "/api/xapi/about": open("/api/xapi/about"),
  "/api/xapi/statements": { ...open("/api/xapi/statements", 401), headers: XAPI },
};
