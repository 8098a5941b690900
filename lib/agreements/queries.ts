// Reads of independent study agreements for their page and print view, always through
// findVisibleAgreement / findVisiblePlan: a foreign plan id is simply not found.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { NotFoundError } from "@/lib/errors";
import type { SignerRole } from "@/lib/generated/prisma/enums.ts";
import type { Locale } from "@/lib/i18n/locales";
import { familyFollows, findVisiblePlan } from "@/lib/plans/access";
import { findVisibleAgreement, type VisibleAgreement } from "./access";
import { loadContext } from "./context";
import { agreementDraftSchema, emptyAgreement } from "./elements";
import { agreementPdf } from "./pdf";
import { agreementRevisionSchema, type AgreementRevisionContent } from "./revision";
import type { AgreementFormInput } from "./schemas";
import { signedInTime, signingRule } from "./school-days";
import { signingStatus, toSignBy, type Signed } from "./signers";

/** How many earlier versions and staff choices a page lists at most. */
const EARLIER_LIMIT = 50;
const STAFF_LIMIT = 200;

const today = () => isoDay(new Date());

export type SigningRow = {
  role: SignerRole;
  label: string;
  /** Who may sign for this entry. */
  names: string[];
  signature: { name: string; typedName: string; signedAt: Date } | null;
};

/** Each signer entry of a revision with its signature, named as the revision lists the people. */
function signingRows(content: AgreementRevisionContent, signatures: readonly Signed[]) {
  const status = signingStatus(content.signers, signatures);
  const rows: SigningRow[] = status.rows.map(({ entry, signature }) => ({
    role: entry.role,
    label: entry.label,
    names: entry.anyOf.map((p) => p.name),
    signature: signature
      ? {
          name: entry.anyOf.find((p) => p.id === signature.signerId)?.name ?? signature.typedName,
          typedName: signature.typedName,
          signedAt: signature.signedAt,
        }
      : null,
  }));
  return { rows, complete: status.complete };
}

function ruleOf(content: AgreementRevisionContent) {
  const r = content.signingRule;
  return r.kind === "long"
    ? { kind: "long" as const, schoolDays: r.schoolDays, signBefore: r.deadline ?? "", text: r.text }
    : { kind: "short" as const, schoolDays: r.schoolDays, signBy: r.deadline, text: r.text };
}

/** An agreement's stored elements; a row written by an older shape falls back to an empty agreement. */
function draftOf(a: VisibleAgreement) {
  const parsed = agreementDraftSchema.safeParse(a.content);
  return parsed.success ? parsed.data : emptyAgreement();
}

/**
 * The agreement page: the draft for the form, status and who still has to sign, the signing
 * rule (and whether its deadline has passed), the latest revision whole, earlier versions,
 * staff to choose from, and what the actor may do. A visible independent study plan without an
 * agreement answers `agreement: null` with whether the actor may start one.
 */
export async function getAgreement(actor: Actor, planId: string) {
  return withDisclosure(actor, { action: "agreement.view", entityType: "Plan", entityId: planId }, () => loadAgreement(actor, planId));
}
async function loadAgreement(actor: Actor, planId: string) {
  return db.$transaction(async (tx) => {
    const a = await findVisibleAgreement(tx, actor, planId).catch(async (error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
      return null;
    });
    if (!a) return notStarted(tx, actor, planId);
    const loaded = await loadContext(tx, a, today());
    const latest = a.latest ? { ...a.latest, content: agreementRevisionSchema.parse(a.latest.content) } : null;
    const signing = latest ? signingRows(latest.content, latest.signatures) : null;
    const mayEdit = allows(a.relations.plan, "agreement:edit") && a.status !== "ENDED";
    const maySign =
      a.status === "AWAITING_SIGNATURES" &&
      latest !== null &&
      toSignBy(actor.id, latest.content.signers, latest.signatures).length > 0 &&
      (allows(a.relations.plan, "agreement:sign") || a.relations.supervising || a.relations.assisting);

    const draft = draftOf(a);
    // The rule of what was sent; before sending, the rule the draft's dates would give.
    const rule = latest
      ? ruleOf(latest.content)
      : loaded.calendar && draft.startsOn && draft.endsOn && draft.startsOn <= draft.endsOn
        ? signingRule(draft.startsOn, draft.endsOn, loaded.calendar)
        : null;
    const [earlier, staff] = await Promise.all([
      latest
        ? tx.agreementRevision.findMany({
            where: { agreementId: a.id, number: { lt: latest.number } },
            orderBy: { number: "desc" },
            take: EARLIER_LIMIT,
            select: { number: true, createdAt: true, _count: { select: { signatures: true } } },
          })
        : [],
      mayEdit ? staffAt(tx, a.plan.schoolId, a.plan.student.id) : { teachers: [], staff: [] },
    ]);
    const form: AgreementFormInput = {
      elements: draft,
      supervisingTeacherId: a.supervisingTeacherId ?? "",
      assistants: a.assistants.map((x) => ({ userId: x.userId, role: x.role })),
    };
    return {
      plan: {
        id: a.plan.id,
        title: a.plan.title,
        student: { id: a.plan.student.id, name: a.plan.student.name },
        // Someone assisting may sign the agreement without seeing the plan itself, and so may the
        // family while the plan is a draft they do not see yet.
        visible: a.relations.plan.some((r) => r !== "GUARDIAN") || (a.relations.plan.includes("GUARDIAN") && familyFollows(a.plan)),
      },
      agreement: {
        id: a.id,
        status: a.status,
        version: a.version,
        activatedAt: a.activatedAt,
        form,
        gradeLevel: a.plan.student.profile?.gradeLevel ?? 0,
        adult: loaded.adult,
        school: loaded.school,
        calendar: loaded.calendar,
        policy: loaded.policy,
        rule: rule
          ? {
              text: rule.text,
              deadline: rule.kind === "long" ? rule.signBefore : rule.signBy,
              late: a.status === "AWAITING_SIGNATURES" && !signedInTime(rule, today()),
            }
          : null,
        latest: latest
          ? {
              number: latest.number,
              createdAt: latest.createdAt,
              content: latest.content,
              contentHash: latest.contentHash,
              signing: signing!.rows,
              complete: signing!.complete,
              /** When the actor signed this version (they may have signed more than one entry at once). */
              signedByMeAt: latest.signatures.find((x) => x.signerId === actor.id)?.signedAt ?? null,
            }
          : null,
        earlier: earlier.map((r) => ({ number: r.number, createdAt: r.createdAt, signatureCount: r._count.signatures })),
        staff,
        allowed: { edit: mayEdit, send: allows(a.relations.plan, "agreement:send") && a.status === "DRAFT", sign: maySign },
      },
      canStart: false,
    };
  });
}
export type AgreementPage = Awaited<ReturnType<typeof getAgreement>>;
export type AgreementDetail = NonNullable<AgreementPage["agreement"]>;

/** A visible independent study plan with no agreement yet; any other plan is not found here. */
async function notStarted(tx: Tx, actor: Actor, planId: string) {
  const plan = await findVisiblePlan(tx, actor, planId, {
    id: true,
    title: true,
    type: true,
    student: { select: { id: true, name: true } },
    agreement: { select: { id: true } },
  });
  // An agreement the actor cannot see through findVisibleAgreement is not theirs to start either.
  if (plan.type !== "INDEPENDENT_STUDY" || plan.agreement) throw new NotFoundError("That agreement");
  return {
    plan: { id: plan.id, title: plan.title, student: { id: plan.student.id, name: plan.student.name }, visible: true },
    agreement: null,
    canStart: allows(plan.relations, "agreement:edit"),
  };
}

/** Teachers (who may supervise) and all staff (who may assist) at the plan's school, by name. */
async function staffAt(tx: Tx, schoolId: string, studentId: string) {
  const rows = await tx.membership.findMany({
    where: { organizationId: schoolId, endedAt: null, role: { in: ["TEACHER", "ADMIN"] }, userId: { not: studentId } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    take: STAFF_LIMIT,
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  const staff = new Map<string, { id: string; name: string }>();
  for (const r of rows) staff.set(r.user.id, r.user);
  return {
    teachers: rows.filter((r) => r.role === "TEACHER").map((r) => r.user),
    staff: [...staff.values()],
  };
}

/**
 * One sent version of the agreement, whole, with its signatures: the latest when `number` is
 * omitted. For printing; NotFoundError when the agreement is not visible or the version does not exist.
 */
export async function getAgreementRevision(actor: Actor, planId: string, number?: number) {
  const what = { action: "agreement.view", entityType: "Plan", entityId: planId } as const;
  return withDisclosure(actor, what, () => loadRevision(actor, planId, number));
}
async function loadRevision(actor: Actor, planId: string, number?: number) {
  return db.$transaction(async (tx) => {
    const a = await findVisibleAgreement(tx, actor, planId);
    const revision =
      number === undefined
        ? a.latest
          ? await tx.agreementRevision.findUnique({ where: { id: a.latest.id }, select: revisionSelect })
          : null
        : await tx.agreementRevision.findUnique({ where: { agreementId_number: { agreementId: a.id, number } }, select: revisionSelect });
    if (!revision) throw new NotFoundError("That version of the agreement");
    const content = agreementRevisionSchema.parse(revision.content);
    const signing = signingRows(content, revision.signatures);
    return {
      planId: a.planId,
      number: revision.number,
      latest: revision.number === a.latest?.number,
      createdAt: revision.createdAt,
      contentHash: revision.contentHash,
      content,
      signing: signing.rows,
      complete: signing.complete,
      /** As stored, each with the hash it was given to (for the PDF). */
      signatures: revision.signatures,
    };
  });
}
export type AgreementRevisionView = Awaited<ReturnType<typeof getAgreementRevision>>;

/** The PDF of one sent version (the latest when `number` is omitted), for those who may see the agreement, in `locale`. */
export async function agreementPdfFile(actor: Actor, planId: string, number?: number, locale?: Locale) {
  const what = { action: "agreement.pdf", entityType: "Plan", entityId: planId } as const;
  const r = await withDisclosure(actor, what, () => loadRevision(actor, planId, number));
  const bytes = await agreementPdf(
    r.content,
    { number: r.number, contentHash: r.contentHash, createdAt: r.createdAt },
    r.signatures,
    locale,
  );
  const name =
    r.content.header.student.name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "student";
  return { bytes, fileName: `independent-study-agreement-${name}-v${r.number}.pdf` };
}

const revisionSelect = {
  number: true,
  content: true,
  contentHash: true,
  createdAt: true,
  signatures: { orderBy: { signedAt: "asc" }, select: { signerId: true, role: true, typedName: true, signedAt: true, contentHash: true } },
} as const;
