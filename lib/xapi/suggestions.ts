// From statement to suggestion: a statement whose actor is a student of the tool's school and
// whose verb shows completion or mastery becomes a SUGGESTED learning record for that student,
// linked to the standards the district mapped its activity to. Made in the transaction that
// stores the statements, with a fixed number of queries whatever the batch's size.
import "server-only";
import type { Tx } from "@/lib/db";
import { emailedAtOnce } from "@/lib/notifications/notify";
import type { Tool } from "./auth";
import { SUGGESTING_VERBS } from "./verbs";

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 8000;

/** A language map's text: English first, else the first language given. */
export function textOf(map: unknown): string | null {
  const o = asObj(map);
  if (!o) return null;
  const entries = Object.entries(o).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== "");
  const english = entries.find(([tag]) => tag.toLowerCase() === "en-us") ?? entries.find(([tag]) => /^en(-|$)/i.test(tag));
  return (english ?? entries[0])?.[1].trim() ?? null;
}

/** An ISO 8601 duration in whole minutes (rounded up), or null when absent or zero. */
export function minutesOf(duration: unknown): number | null {
  if (typeof duration !== "string") return null;
  const m =
    /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/.exec(
      duration,
    );
  if (!m) return null;
  const n = (i: number) => Number((m[i] ?? "0").replace(",", "."));
  // Years and months have no fixed length; 365 and 30 days are close enough for "how long".
  const minutes = n(1) * 7 * 1440 + n(2) * 365 * 1440 + n(3) * 30 * 1440 + n(4) * 1440 + n(5) * 60 + n(6) + n(7) / 60;
  if (minutes <= 0) return null;
  return Math.min(100_000, Math.ceil(minutes));
}

/** The result in words: "Score 85% (17 of 20). Passed. Completed. Time: 45 minutes." */
export function resultText(result: unknown): string {
  const r = asObj(result);
  if (!r) return "";
  const parts: string[] = [];
  const score = asObj(r.score);
  if (score) {
    const scaled = typeof score.scaled === "number" ? `${Math.round(score.scaled * 100)}%` : null;
    const raw = typeof score.raw === "number" ? (typeof score.max === "number" ? `${score.raw} of ${score.max}` : `${score.raw}`) : null;
    if (scaled || raw) parts.push(`Score ${[scaled, raw && scaled ? `(${raw})` : raw].filter(Boolean).join(" ")}.`);
  }
  if (r.success === true) parts.push("Passed.");
  if (r.success === false) parts.push("Not passed.");
  if (r.completion === true) parts.push("Completed.");
  const minutes = minutesOf(r.duration);
  if (minutes) parts.push(`Time: ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
  return parts.join(" ");
}

type Candidate = { statement: Obj; activityId: string; by: { sourcedId?: string; email?: string } };

function candidateOf(s: Obj): Candidate | null {
  const verbId = asObj(s.verb)?.id;
  if (typeof verbId !== "string" || !SUGGESTING_VERBS.has(verbId)) return null;
  const object = asObj(s.object);
  if (!object || (object.objectType ?? "Activity") !== "Activity" || typeof object.id !== "string") return null;
  const actor = asObj(s.actor);
  if (!actor || actor.objectType === "Group") return null;
  const account = asObj(actor.account);
  if (account && typeof account.name === "string") return { statement: s, activityId: object.id, by: { sourcedId: account.name } };
  if (typeof actor.mbox === "string")
    return { statement: s, activityId: object.id, by: { email: actor.mbox.replace(/^mailto:/i, "").toLowerCase() } };
  return null;
}

/** Makes the suggestions for statements just stored (voiding statements excluded by the caller). */
export async function suggestFrom(tx: Tx, tool: Tool, statements: readonly Obj[]) {
  const candidates = statements.map(candidateOf).filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) return;
  const sourcedIds = [...new Set(candidates.flatMap((c) => (c.by.sourcedId ? [c.by.sourcedId] : [])))];
  const emails = [...new Set(candidates.flatMap((c) => (c.by.email ? [c.by.email] : [])))];
  // Students of the tool's school now, matched by roster id or email: nobody outside it.
  const students = await tx.user.findMany({
    where: {
      districtId: tool.districtId,
      disabledAt: null,
      memberships: { some: { organizationId: tool.schoolId, role: "STUDENT", endedAt: null } },
      OR: [...(sourcedIds.length ? [{ sourcedId: { in: sourcedIds } }] : []), ...(emails.length ? [{ email: { in: emails } }] : [])],
    },
    select: { id: true, email: true, sourcedId: true },
  });
  const bySourcedId = new Map(students.flatMap((s) => (s.sourcedId ? [[s.sourcedId, s.id] as const] : [])));
  const byEmail = new Map(students.map((s) => [s.email, s.id] as const));
  const matched = candidates.flatMap((c) => {
    const studentId = c.by.sourcedId ? bySourcedId.get(c.by.sourcedId) : byEmail.get(c.by.email ?? "");
    return studentId ? [{ ...c, studentId }] : [];
  });
  if (matched.length === 0) return;

  const mappings = await tx.xapiActivityStandard.findMany({
    where: { districtId: tool.districtId, activityId: { in: [...new Set(matched.map((m) => m.activityId))] } },
    select: { activityId: true, standardId: true },
  });
  const records = await tx.learningRecord.createManyAndReturn({
    data: matched.map(({ statement: s, activityId, studentId }) => {
      const definition = asObj(asObj(s.object)?.definition);
      const description = [textOf(definition?.description), resultText(s.result), `Reported by ${tool.name}.`].filter(Boolean).join("\n\n");
      return {
        studentId,
        schoolId: tool.schoolId,
        status: "SUGGESTED" as const,
        title: (textOf(definition?.name) ?? activityId).slice(0, TITLE_MAX),
        description: description.slice(0, DESCRIPTION_MAX),
        setting: "ONLINE" as const,
        place: tool.name.slice(0, 200),
        // The date as the tool wrote it, in its own offset: the day the student did it.
        happenedOn: new Date(`${String(s.timestamp).slice(0, 10)}T00:00:00Z`),
        durationMinutes: minutesOf(asObj(s.result)?.duration),
        statementId: String(s.id),
      };
    }),
    select: { id: true, studentId: true, statementId: true },
  });
  const activityOf = new Map(matched.map((m) => [String(m.statement.id), m.activityId]));
  const links = records.flatMap((r) =>
    mappings.filter((m) => m.activityId === activityOf.get(r.statementId ?? "")).map((m) => ({ recordId: r.id, standardId: m.standardId })),
  );
  if (links.length) await tx.learningRecordStandard.createMany({ data: links, skipDuplicates: true });
  const emailDueAt = emailedAtOnce("RECORD_SUGGESTED") ? new Date() : null;
  await tx.notification.createMany({
    data: records.map((r) => ({ userId: r.studentId, type: "RECORD_SUGGESTED" as const, recordId: r.id, emailDueAt })),
  });
}

/** A voided statement's suggestion, while still only a suggestion, is dismissed. */
export async function dismissSuggestionsOf(tx: Tx, tool: Tool, statementIds: readonly string[]) {
  await tx.learningRecord.updateMany({
    where: { statementId: { in: [...statementIds] }, status: "SUGGESTED", statement: { toolId: tool.id } },
    data: { status: "DISMISSED", version: { increment: 1 } },
  });
}
