import type { Metadata } from "next";
import Link from "next/link";
import { AgreementDocument } from "@/components/agreements/agreement-document";
import { AgreementForm } from "@/components/agreements/agreement-form";
import { SignForm } from "@/components/agreements/sign-form";
import { SigningTable } from "@/components/agreements/signing-table";
import { StartAgreement } from "@/components/agreements/start-agreement";
import { WorkSection } from "@/components/agreements/work/work-section";
import { Card } from "@/components/ui/layout";
import { AGREEMENT_STATUS_LABEL } from "@/lib/agreements/labels";
import { getAgreement } from "@/lib/agreements/queries";
import { agreementWork } from "@/lib/agreements/work-queries";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { saveAgreementAction, saveAndSendAgreementAction, signAgreementAction, startAgreementAction } from "./actions";
import { addAssignmentAction, recordAssignmentAction, recordEvaluationAction, submitAssignmentAction } from "./work-actions";

export const metadata: Metadata = { title: "Independent study agreement" };

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const { plan, agreement: a, canStart } = await orNotFound(getAgreement(actor, id));
  const printHref = (n?: number) => `/plans/${plan.id}/agreement/print${n ? `?revision=${n}` : ""}`;
  const pdfHref = (n?: number) => `/plans/${plan.id}/agreement/pdf${n ? `?revision=${n}` : ""}`;
  // Work is done under an active agreement; an ended one still shows its work and evaluations.
  const work = a && a.latest && (a.status === "ACTIVE" || a.status === "ENDED") ? await agreementWork(actor, plan.id) : null;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          {plan.student.name} ·{" "}
          {plan.visible ? (
            <Link href={`/plans/${plan.id}`} className="underline">
              {plan.title}
            </Link>
          ) : (
            plan.title
          )}
        </p>
        <h1>Independent study agreement</h1>
        {a ? (
          <p className="text-sm text-slate-800">
            Status: <span className="font-semibold">{AGREEMENT_STATUS_LABEL[a.status]}</span>
            {a.latest ? ` · Version ${a.latest.number}, sent on ${formatTime(a.latest.createdAt)}` : ""}
            {a.activatedAt ? ` · Active since ${formatTime(a.activatedAt)}` : ""}
          </p>
        ) : null}
      </header>

      {!a ? (
        <Card aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-2">
            No agreement yet
          </h2>
          <p className="mb-4 max-w-2xl text-sm text-slate-800">
            An independent study plan needs a written agreement, complete and signed by everyone, before any attendance or credit counts.
          </p>
          {canStart ? (
            <StartAgreement planId={plan.id} action={startAgreementAction} />
          ) : (
            <p className="text-sm text-slate-700">The student or their teacher starts the agreement.</p>
          )}
        </Card>
      ) : (
        <>
          <Card aria-labelledby="signatures-heading">
            <h2 id="signatures-heading" className="mb-3">
              Signatures
            </h2>
            {a.rule ? (
              <p className="mb-3 text-sm text-slate-800">
                <span className="font-medium">Signing rule: </span>
                {a.rule.text}
              </p>
            ) : null}
            {a.rule?.late ? (
              <p className="mb-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
                Warning: the deadline for signatures{a.rule.deadline ? ` (${formatDay(a.rule.deadline)})` : ""} has passed. Signatures can
                still be given, and are recorded as late.
              </p>
            ) : null}
            {a.latest ? (
              <>
                <SigningTable rows={a.latest.signing} caption={`Who signs version ${a.latest.number}`} />
                <p className="mt-3 text-sm">
                  {a.latest.complete
                    ? "Everyone has signed this version."
                    : `Still to sign: ${a.latest.signing
                        .filter((r) => !r.signature)
                        .map((r) => r.label)
                        .join(", ")}.`}{" "}
                  <Link href={printHref()} className="underline">
                    Print version {a.latest.number}
                  </Link>{" "}
                  ·{" "}
                  <a href={pdfHref()} className="underline">
                    Download version {a.latest.number} as a PDF
                  </a>
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-700">Not sent for signatures yet.</p>
            )}
            {a.earlier.length ? (
              <div className="mt-4">
                <h3 className="text-sm font-semibold">Earlier versions</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {a.earlier.map((r) => (
                    <li key={r.number}>
                      Version {r.number}, sent on {formatTime(r.createdAt)}, {r.signatureCount}{" "}
                      {r.signatureCount === 1 ? "signature" : "signatures"} ·{" "}
                      <Link href={printHref(r.number)} className="underline">
                        Print version {r.number}
                      </Link>{" "}
                      ·{" "}
                      <a href={pdfHref(r.number)} className="underline">
                        Download version {r.number} as a PDF
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>

          {a.latest && (a.allowed.sign || a.latest.signedByMeAt || !a.allowed.edit) ? (
            <Card aria-labelledby="read-heading">
              <h2 id="read-heading" className="mb-1">
                {a.allowed.sign || a.latest.signedByMeAt ? "Read and sign" : "The agreement"}
              </h2>
              <p className="mb-4 text-sm text-slate-700">
                Version {a.latest.number}, as sent for signatures.
                {a.allowed.sign ? " Read the whole agreement, then sign below." : ""}
              </p>
              <AgreementDocument
                content={a.latest.content}
                signing={a.latest.signing}
                number={a.latest.number}
                createdAt={a.latest.createdAt}
                contentHash={a.latest.contentHash}
              />
              {a.allowed.sign || a.latest.signedByMeAt ? (
                <section aria-labelledby="sign-heading" className="mt-6 border-t border-slate-200 pt-4">
                  <h3 id="sign-heading" className="mb-3 text-base font-semibold">
                    Sign version {a.latest.number}
                  </h3>
                  <SignForm
                    key={a.latest.contentHash}
                    planId={plan.id}
                    contentHash={a.latest.contentHash}
                    number={a.latest.number}
                    signed={a.latest.signedByMeAt ? `You signed version ${a.latest.number} on ${formatTime(a.latest.signedByMeAt)}.` : null}
                    action={signAgreementAction}
                  />
                </section>
              ) : null}
            </Card>
          ) : null}

          {a.allowed.edit ? (
            <section aria-labelledby="edit-heading" className="space-y-4">
              <h2 id="edit-heading">{a.status === "DRAFT" ? "Write the agreement" : "Change the agreement"}</h2>
              <AgreementForm
                planId={plan.id}
                version={a.version}
                status={a.status}
                initial={a.form}
                gradeLevel={a.gradeLevel}
                adult={a.adult}
                studentName={plan.student.name}
                policy={a.policy}
                calendar={a.calendar}
                staff={a.staff}
                save={saveAgreementAction}
                send={a.allowed.send ? saveAndSendAgreementAction : undefined}
              />
            </section>
          ) : null}

          {work ? (
            <WorkSection
              work={work}
              today={isoDay(new Date())}
              actions={{
                assign: addAssignmentAction,
                submit: submitAssignmentAction,
                record: recordAssignmentAction,
                evaluate: recordEvaluationAction,
              }}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
