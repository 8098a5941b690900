import { MethodSentence } from "@/components/mastery/method-sentence";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireActor } from "@/lib/auth/session";
import { LevelBadge } from "@/components/ui/badges";
import { actingMastery } from "@/lib/mastery/queries";

export async function generateMetadata() {
  const t = await getTranslations("help");
  return { title: t("metaTitle") };
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export default async function HelpPage() {
  const { scale, methodSpec } = await actingMastery(await requireActor());
  const t = await getTranslations("help");
  const rich = (key: Parameters<typeof t.rich>[0]) => t.rich(key, { strong });
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="loop">
          <h2 id="loop" className="mb-2">
            {t("loop.title")}
          </h2>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("loop.i1")}</li>
            <li>{t("loop.i2")}</li>
            <li>{t("loop.i3")}</li>
            <li>{t("loop.i4")}</li>
            <li>{t("loop.i5")}</li>
            <li>{t("loop.i6")}</li>
          </ol>
          <p className="mt-3 text-sm text-slate-700">{t("loop.p7")}</p>
        </Card>
        <Card aria-labelledby="scale">
          <h2 id="scale" className="mb-2">
            {t("scale.title")}
          </h2>
          <dl className="space-y-2 text-sm">
            {scale.levels.map((l) => (
              <div key={l.id}>
                <dt>
                  <LevelBadge level={l} />{" "}
                  <span className="text-slate-700">
                    {l.proficient ? t("scale.pointsProficient", { points: l.points }) : t("scale.points", { points: l.points })}
                  </span>
                </dt>
                {l.description ? <dd className="mt-1 text-slate-700">{l.description}</dd> : null}
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-700">
            {t("scale.yourScale", { scale: scale.name })} <MethodSentence spec={methodSpec} /> {t("scale.howLevels")}
          </p>
        </Card>
        <Card aria-labelledby="growth-help">
          <h2 id="growth-help" className="mb-2">
            {t("growth.title")}
          </h2>
          <p className="text-sm text-slate-700">{rich("growth.p1")}</p>
        </Card>
        <Card aria-labelledby="family-help">
          <h2 id="family-help" className="mb-2">
            {t("family.title")}
          </h2>
          <p className="text-sm text-slate-700">{rich("family.p1")}</p>
        </Card>
        <Card aria-labelledby="editing">
          <h2 id="editing" className="mb-2">
            {t("editing.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("editing.i1")}</li>
            <li>{t("editing.i2")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="profile-help">
          <h2 id="profile-help" className="mb-2">
            {t("profile.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("profile.i1")}</li>
            <li>{t("profile.i2")}</li>
            <li>{t("profile.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="templates-help">
          <h2 id="templates-help" className="mb-2">
            {t("templates.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("templates.i1")}</li>
            <li>{t("templates.i2")}</li>
            <li>{t("templates.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="lifecycle-help">
          <h2 id="lifecycle-help" className="mb-2">
            {t("lifecycle.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("lifecycle.i1")}</li>
            <li>{t("lifecycle.i2")}</li>
            <li>{t("lifecycle.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="conversation-help">
          <h2 id="conversation-help" className="mb-2">
            {t("conversation.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("conversation.i1")}</li>
            <li>{t("conversation.i2")}</li>
            <li>{t("conversation.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="teacher-day-help">
          <h2 id="teacher-day-help" className="mb-2">
            {t("teacherDay.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("teacherDay.i1")}</li>
            <li>{rich("teacherDay.i2")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="standards-help">
          <h2 id="standards-help" className="mb-2">
            {t("standards.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{rich("standards.i1")}</li>
            <li>{t("standards.i2")}</li>
            <li>{rich("standards.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="history-help">
          <h2 id="history-help" className="mb-2">
            {t("history.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("history.i1")}</li>
            <li>{t("history.i2")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="records-help">
          <h2 id="records-help" className="mb-2">
            {t("records.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{rich("records.i1")}</li>
            <li>{rich("records.i2")}</li>
            <li>{t("records.i3")}</li>
            <li>{t("records.i4")}</li>
            <li>{t("records.i5")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="roles">
          <h2 id="roles" className="mb-2">
            {t("roles.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("roles.i1")}</li>
            <li>{t("roles.i2")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="language-help">
          <h2 id="language-help" className="mb-2">
            {t("language.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{rich("language.i1")}</li>
            <li>{t("language.i2")}</li>
            <li>{t("language.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="privacy">
          <h2 id="privacy" className="mb-2">
            {t("privacy.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("privacy.i1")}</li>
            <li>{t("privacy.i2")}</li>
            <li>{t("privacy.i3")}</li>
            <li>{rich("privacy.i4")}</li>
            <li>{t("privacy.i5")}</li>
            <li>{t("privacy.i6")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="disclosure-help">
          <h2 id="disclosure-help" className="mb-2">
            {t("disclosure.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("disclosure.i1")}</li>
            <li>{rich("disclosure.i2")}</li>
            <li>{rich("disclosure.i3")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="admin-people">
          <h2 id="admin-people" className="mb-2">
            {t("adminPeople.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{rich("adminPeople.i1")}</li>
            <li>{t("adminPeople.i2")}</li>
            <li>{rich("adminPeople.i3")}</li>
            <li>{t("adminPeople.i4")}</li>
            <li>{rich("adminPeople.i5")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="agreement-help">
          <h2 id="agreement-help" className="mb-2">
            {t("agreement.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("agreement.i1")}</li>
            <li>{t("agreement.i2")}</li>
            <li>{t("agreement.i3")}</li>
            <li>{t("agreement.i4")}</li>
          </ul>
        </Card>
        <Card aria-labelledby="study-settings-help">
          <h2 id="study-settings-help" className="mb-2">
            {t("studySettings.title")}
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{rich("studySettings.i1")}</li>
            <li>{t("studySettings.i2")}</li>
            <li>{t("studySettings.i3")}</li>
            <li>{t("studySettings.i4")}</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
