import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { canStartPlanFor } from "@/lib/plans/policy";

/** "Start a plan for Imani" on a student's page, for a teacher of theirs. */
export function StartPlanLink({ student, relations }: { student: { id: string; name: string }; relations: readonly Role[] }) {
  const t = useTranslations("plans");
  if (!canStartPlanFor(relations)) return null;
  return (
    <p className="mb-4">
      <ButtonLink href={`/students/${student.id}/plans/new`} variant="secondary">
        {t("startFor", { name: student.name })}
      </ButtonLink>
    </p>
  );
}
