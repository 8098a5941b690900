// Test helpers for roster imports: files as the browser uploads them, a district with its
// administrator, and snapshots of what a district holds.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { applyRoster, checkRoster } from "@/lib/roster/commands";
import { makeDistrict, person } from "@/test/fixtures";
import { rosterZip } from "./generate";

export const BROKEN = path.join(import.meta.dirname, "broken");

/** A prefix for sourcedIds and email domains no other test uses. */
export const uniquePrefix = () => `r${randomUUID().slice(0, 8)}`;

export function zipFile(files: Record<string, string>, name = "roster.zip"): File {
  return new File([rosterZip(files)], name, { type: "application/zip" });
}

export function csvFiles(files: Record<string, string>): File[] {
  return Object.entries(files).map(([name, text]) => new File([text], name, { type: "text/csv" }));
}

export async function readFolder(dir: string): Promise<Record<string, string>> {
  const names = await readdir(dir);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), "utf8")] as const)));
}

export function check(actor: Actor, files: Record<string, string>) {
  return checkRoster(actor, { files: [zipFile(files)] });
}

export async function checkAndApply(actor: Actor, files: Record<string, string>) {
  const checked = await check(actor, files);
  return applyRoster(actor, { importId: checked.id });
}

/** A new district and an administrator acting for it. */
export async function districtWithAdmin(name?: string) {
  const { district, school } = await makeDistrict(name);
  const admin = await person(district, "ADMIN", "Dana District");
  return { district, school, admin };
}

/** What a district holds, row by row, to prove an import changed nothing. */
export async function snapshot(districtId: string) {
  const where = { school: { districtId } };
  const [orgs, users, memberships, profiles, terms, courses, classes, enrollments, links] = await Promise.all([
    db.organization.findMany({ where: { districtId }, orderBy: { id: "asc" } }),
    db.user.findMany({ where: { districtId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { districtId }, orderBy: { id: "asc" } }),
    db.studentProfile.findMany({ where: { user: { districtId } }, orderBy: { userId: "asc" } }),
    db.term.findMany({ where, orderBy: { id: "asc" } }),
    db.course.findMany({ where, orderBy: { id: "asc" } }),
    db.class.findMany({ where, orderBy: { id: "asc" } }),
    db.enrollment.findMany({ where: { class: where }, orderBy: { id: "asc" } }),
    db.guardianLink.findMany({ where: { districtId }, orderBy: { id: "asc" } }),
  ]);
  return { orgs, users, memberships, profiles, terms, courses, classes, enrollments, links };
}
