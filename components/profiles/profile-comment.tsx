"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { OnDemand, OpeningForm } from "@/components/ui/on-demand";
import type { ServerAction } from "@/lib/errors";
import type { ProfileCommentInput } from "@/lib/profiles/schemas";

// The form (and react-hook-form with it) comes when a teacher asks for it, not with the page.
const ProfileCommentForm = dynamic(() => import("./profile-comment-form").then((m) => m.ProfileCommentForm), {
  ssr: false,
  loading: OpeningForm,
});

/** "Comment on the profile": opens the comment form, with focus in it. */
export function ProfileComment({ studentId, action }: { studentId: string; action: ServerAction<ProfileCommentInput, { id: string }> }) {
  const t = useTranslations("profile.comments");
  return (
    <OnDemand text={t("open")}>{(onClose) => <ProfileCommentForm studentId={studentId} action={action} onClose={onClose} />}</OnDemand>
  );
}
