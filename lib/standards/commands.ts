// Uploading a framework from the admin page: the form's file, read and handed to the CASE
// import (lib/standards/case/import.ts), which checks that the actor administers the owner.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { importCasePackage } from "./case/import";
import { frameworkUploadSchema, type FrameworkUploadInput } from "./schemas";

export type FrameworkImported = {
  framework: { id: string; title: string; created: boolean };
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** What was imported anyway, with a note (the first 20). */
  warnings: string[];
  warningCount: number;
};

export async function importFramework(actor: Actor, input: FrameworkUploadInput): Promise<FrameworkImported> {
  const { organizationId, file } = frameworkUploadSchema.parse(input);
  requireAllowed(actor, "standards:manage");
  const json = await file.text();
  const result = await importCasePackage(actor, { organizationId, json });
  return {
    framework: { id: result.framework.id, title: result.framework.title, created: result.framework.created },
    created: result.created,
    updated: result.updated,
    retired: result.retired,
    unchanged: result.unchanged,
    warnings: result.problems.slice(0, 20).map((p) => p.message),
    warningCount: result.problems.length,
  };
}
