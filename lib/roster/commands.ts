// Roster import for the admin pages: only a district administrator may check or apply.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireRosterImporter } from "./policy";
import type { CheckedImport } from "./report";
import { applyImport, checkUpload } from "./run";
import { applyRosterSchema, rosterUploadSchema } from "./schemas";

/** The dry run of an uploaded zip or CSV files: stored with its report, nothing else changes. */
export async function checkRoster(actor: Actor, input: unknown): Promise<CheckedImport> {
  requireRosterImporter(actor);
  const { files } = rosterUploadSchema.parse(input);
  const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const fileName = files.length === 1 ? files[0]!.name : `${files.length} CSV files`;
  return checkUpload({ districtId: actor.districtId, actorId: actor.id }, fileName.slice(0, 200), uploads);
}

/** Applies a checked import of the actor's district (another district's import is not found). */
export async function applyRoster(actor: Actor, input: unknown): Promise<CheckedImport> {
  requireRosterImporter(actor);
  const { importId } = applyRosterSchema.parse(input);
  return applyImport({ districtId: actor.districtId, actorId: actor.id }, importId);
}
