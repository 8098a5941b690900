import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AgreementDocument } from "@/components/agreements/agreement-document";
import { AgreementForm } from "@/components/agreements/agreement-form";
import { SignForm } from "@/components/agreements/sign-form";
import { SigningRuleText, StillToSign } from "@/components/agreements/signing-words";
import { SigningTable } from "@/components/agreements/signing-table";
import { StartAgreement } from "@/components/agreements/start-agreement";
import { WorkSection } from "@/components/agreements/work/work-section";
import { Card } from "@/components/ui/layout";
import { getAgreement } from "@/lib/agreements/queries";
import { agreementWork } from "@/lib/agreements/work-queries";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatTime, isoDay } from "@/lib/dates";
import { orNotFound } from "@/lib/not-found";
import { saveAgreementAction, saveAndSendAgreementAction, signAgreementAction, startAgreementAction } from "./actions";
import { addAssignmentAction, recordAssignmentAction, recordEvaluationAction, submitAssignmentAction } from "./work-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: t("metaTitle") };
}

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const { plan, agreement: a, canStart } = await orNotFound(getAgreement(actor, id));
  const [t, locale] = await Promise.all([getTranslations("agreements"), getLocale()]);
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
        <h1>{t("title")}</h1>
        {a ? (
          <p className="text-sm text-slate-800">
            {t("statusLabel")}
            <span className="font-semibold">{t(`status.${a.status}`)}</span>
            {a.latest ? t("versionSent", { number: a.latest.number, time: formatTime(a.latest.createdAt, locale) }) : ""}
            {a.activatedAt ? t("activeSince", { time: formatTime(a.activatedAt, locale) }) : ""}
          </p>
        ) : null}
      </header>

      {!a ? (
        <Card aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-2">
            {t("noAgreement")}
          </h2>
          <p className="mb-4 max-w-2xl text-sm text-slate-800">{t("needed")}</p>
          {canStart ? (
            <StartAgreement planId={plan.id} action={startAgreementAction} />
          ) : (
            <p className="text-sm text-slate-700">{t("whoStarts")}</p>
          )}
        </Card>
      ) : (
        <>
          <Card aria-labelledby="signatures-heading">
            <h2 id="signatures-heading" className="mb-3">
              {t("signatures")}
            </h2>
            {a.rule ? (
              <p className="mb-3 text-sm text-slate-800">
                <span className="font-medium">{t("signingRule")}</span>
                <SigningRuleText text={a.rule.text} content={a.latest?.content} />
              </p>
            ) : null}
            {a.rule?.late ? (
              <p className="mb-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
                {a.rule.deadline ? t("lateWithDate", { date: formatDay(a.rule.deadline, locale) }) : t("late")}
              </p>
            ) : null}
            {a.latest ? (
              <>
                <SigningTable rows={a.latest.signing} caption={t("whoSigns", { number: a.latest.number })} />
                <p className="mt-3 text-sm">
                  {a.latest.complete ? t("everyoneSigned") : <StillToSign rows={a.latest.signing.filter((r) => !r.signature)} />}{" "}
                  <Link href={printHref()} className="underline">
                    {t("printVersion", { number: a.latest.number })}
                  </Link>{" "}
                  ·{" "}
                  <a href={pdfHref()} className="underline">
                    {t("pdfVersion", { number: a.latest.number })}
                  </a>
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-700">{t("notSent")}</p>
            )}
            {a.earlier.length ? (
              <div className="mt-4">
                <h3 className="text-sm font-semibold">{t("earlier")}</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {a.earlier.map((r) => (
                    <li key={r.number}>
                      {t("earlierLine", { number: r.number, time: formatTime(r.createdAt, locale), count: r.signatureCount })} ·{" "}
                      <Link href={printHref(r.number)} className="underline">
                        {t("printVersion", { number: r.number })}
                      </Link>{" "}
                      ·{" "}
                      <a href={pdfHref(r.number)} className="underline">
                        {t("pdfVersion", { number: r.number })}
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
                {a.allowed.sign || a.latest.signedByMeAt ? t("readAndSign") : t("theAgreement")}
              </h2>
              <p className="mb-4 text-sm text-slate-700">
                {t("asSent", { number: a.latest.number })}
                {a.allowed.sign ? t("readWhole") : ""}
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
                    {t("signVersion", { number: a.latest.number })}
                  </h3>
                  <SignForm
                    key={a.latest.contentHash}
                    planId={plan.id}
                    contentHash={a.latest.contentHash}
                    number={a.latest.number}
                    signed={
                      a.latest.signedByMeAt
                        ? t("youSignedOn", { number: a.latest.number, time: formatTime(a.latest.signedByMeAt, locale) })
                        : null
                    }
                    action={signAgreementAction}
                  />
                </section>
              ) : null}
            </Card>
          ) : null}

          {a.allowed.edit ? (
            <section aria-labelledby="edit-heading" className="space-y-4">
              <h2 id="edit-heading">{a.status === "DRAFT" ? t("write") : t("change")}</h2>
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
