"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const t = useTranslations("agreements.print");
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {t("print")}
    </Button>
  );
}
