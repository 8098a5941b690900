"use client";

import dynamic from "next/dynamic";
import { OpeningForm } from "@/components/ui/on-demand";

// A queue's rating forms, and what they need (react-hook-form, zod), are fetched when a teacher
// first opens one, not with the page. After a save the queue opens the next item's form itself, so
// rating one piece of work after another stays a keyboard flow.
export const EvidenceRatingPanel = dynamic(() => import("./queue-rating-panels").then((m) => m.EvidenceRatingPanel), {
  ssr: false,
  loading: OpeningForm,
});
export const RecordRatingPanel = dynamic(() => import("./queue-rating-panels").then((m) => m.RecordRatingPanel), {
  ssr: false,
  loading: OpeningForm,
});
