import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudyPolicyForm } from "@/components/study-admin/study-policy-form";
import { PageHeader } from "@/components/ui/layout";
import { CORE_SUBJECTS } from "@/lib/agreements/elements";
import { studySettings } from "@/lib/agreements/settings";
import { GRADE_KEYS, isCoreSubject } from "@/lib/agreements/settings-schemas";
import { requireRole } from "@/lib/auth/session";
import { removeStudyPolicyAction, saveStudyPolicyAction } from "../actions";

export const metadata: Metadata = { title: "Board's policies for independent study" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StudyPolicyPage({ searchParams }: Props) {
  const actor = await requireRole("ADMIN");
  const { organization } = await searchParams;
  const { district, schools } = await studySettings(actor);
  // Only what the settings page offers this admin to change can be opened here.
  const target = [district, ...schools].find((o) => o.id === organization && o.editable);
  if (!target) notFound();
  const isDistrict = target.id === district.id;
  const own = target.policy;
  const start = own ?? district.policy;
  const back = `/admin/independent-study?organization=${target.id}`;
  return (
    <>
      <PageHeader
        title={`Board's policies: ${target.name}`}
        description={
          own || isDistrict
            ? "Element 4 of every independent study agreement: how long work may take, when missed work calls for an evaluation, what satisfactory progress is, and the subjects every agreement covers."
            : "This school uses the district's policies now. Saving gives it policies of its own, starting from the district's."
        }
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/independent-study">Back to independent study settings</Link>
      </p>
      <StudyPolicyForm
        initial={{
          organizationId: target.id,
          // A grade without a maximum starts empty: the admin must give one.
          maxDaysToDue: GRADE_KEYS.map((g) => start?.maxDaysToDue[g]) as number[],
          missedAssignmentsLimit: start?.missedAssignmentsLimit ?? 3,
          satisfactoryProgress: start?.satisfactoryProgress ?? "",
          requiredSubjects: start ? start.requiredSubjects.filter(isCoreSubject) : [...CORE_SUBJECTS],
          version: own?.version,
        }}
        policyId={own && !isDistrict ? own.id : undefined}
        done={{ saved: `${back}&done=policy`, removed: `${back}&done=policy-removed` }}
        save={saveStudyPolicyAction}
        remove={removeStudyPolicyAction}
      />
    </>
  );
}
