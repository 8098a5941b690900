"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { OnDemand, OpeningForm } from "@/components/ui/on-demand";
import type { ReflectionFormProps } from "./reflection-form";

// The form, and react-hook-form with it, is fetched when the student opens it, not with the page.
const ReflectionForm = dynamic(() => import("./reflection-form").then((m) => m.ReflectionForm), { ssr: false, loading: OpeningForm });

/** "Write a reflection": opens the reflection form. */
export function WriteReflection(props: ReflectionFormProps) {
  const t = useTranslations("conversation");
  return <OnDemand text={t("writeReflection")}>{(onClose) => <ReflectionForm {...props} onClose={onClose} />}</OnDemand>;
}
