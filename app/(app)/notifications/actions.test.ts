// Marking a notification read is a public endpoint: replayed signed out, with someone else's
// notification and with junk, it changes nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let notificationId: string;

beforeAll(async () => {
  s = await makeSchool();
  notificationId = (await db.notification.create({ data: { userId: s.student.id, type: "WELCOME" } })).id;
});
beforeEach(() => {
  signedIn = null;
});

const readAt = async () => (await db.notification.findUniqueOrThrow({ where: { id: notificationId } })).readAt;

describe("marking a notification read", () => {
  it("is refused signed out, to another person and for junk, changing nothing", async () => {
    expect(await actions.markReadAction({ notificationId })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.guardian;
    expect(await actions.markReadAction({ notificationId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.student;
    expect(await actions.markReadAction({ notificationId: "" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await actions.markReadAction("junk")).toMatchObject({ ok: false, code: "INVALID" });
    expect(await readAt()).toBeNull();
  });

  it("marks the reader's own", async () => {
    signedIn = s.student;
    expect(await actions.markReadAction({ notificationId })).toMatchObject({ ok: true, data: { notificationId } });
    expect(await readAt()).not.toBeNull();
  });
});
