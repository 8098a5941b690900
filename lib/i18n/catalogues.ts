// The message catalogues, one JSON file per area and language under messages/: a translator edits
// those files and nothing else. Imported statically so the build carries them and keys are typed.
import type { Locale } from "./locales";
import en_common from "@/messages/en/common.json";
import en_validation from "@/messages/en/validation.json";
import en_family from "@/messages/en/family.json";
import en_agreements from "@/messages/en/agreements.json";
import en_email from "@/messages/en/email.json";
import en_plans from "@/messages/en/plans.json";
import en_evidence from "@/messages/en/evidence.json";
import en_templates from "@/messages/en/templates.json";
import en_conversation from "@/messages/en/conversation.json";
import en_student from "@/messages/en/student.json";
import en_records from "@/messages/en/records.json";
import en_profile from "@/messages/en/profile.json";
import en_progress from "@/messages/en/progress.json";
import en_notifications from "@/messages/en/notifications.json";
import en_account from "@/messages/en/account.json";
import en_help from "@/messages/en/help.json";
import en_auth from "@/messages/en/auth.json";
import es_common from "@/messages/es/common.json";
import es_validation from "@/messages/es/validation.json";
import es_family from "@/messages/es/family.json";
import es_agreements from "@/messages/es/agreements.json";
import es_email from "@/messages/es/email.json";
import es_plans from "@/messages/es/plans.json";
import es_evidence from "@/messages/es/evidence.json";
import es_templates from "@/messages/es/templates.json";
import es_conversation from "@/messages/es/conversation.json";
import es_student from "@/messages/es/student.json";
import es_records from "@/messages/es/records.json";
import es_profile from "@/messages/es/profile.json";
import es_progress from "@/messages/es/progress.json";
import es_notifications from "@/messages/es/notifications.json";
import es_account from "@/messages/es/account.json";
import es_help from "@/messages/es/help.json";
import es_auth from "@/messages/es/auth.json";

const en = {
  common: en_common,
  validation: en_validation,
  family: en_family,
  agreements: en_agreements,
  email: en_email,
  plans: en_plans,
  evidence: en_evidence,
  templates: en_templates,
  conversation: en_conversation,
  student: en_student,
  records: en_records,
  profile: en_profile,
  progress: en_progress,
  notifications: en_notifications,
  account: en_account,
  help: en_help,
  auth: en_auth,
};

/** The shape every language must have: English is the reference (catalogues.test.ts holds Spanish to it). */
export type Messages = typeof en;

const es: Messages = {
  common: es_common,
  validation: es_validation,
  family: es_family,
  agreements: es_agreements,
  email: es_email,
  plans: es_plans,
  evidence: es_evidence,
  templates: es_templates,
  conversation: es_conversation,
  student: es_student,
  records: es_records,
  profile: es_profile,
  progress: es_progress,
  notifications: es_notifications,
  account: es_account,
  help: es_help,
  auth: es_auth,
};

export const CATALOGUES: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
