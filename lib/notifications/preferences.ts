// How each person gets each kind of notification by email. A row only where they chose; no row
// means the kind's default (lib/notifications/kinds.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import type { EmailDelivery } from "@/lib/generated/prisma/enums.ts";
import { kindById, kindsForRoles, preferencesSchema, type KindId } from "./kinds";

/** Each person's delivery for one kind, in one query however many people. */
export async function deliveriesFor(tx: Tx, userIds: readonly string[], kind: KindId): Promise<Map<string, EmailDelivery>> {
  const chosen = await tx.notificationPreference.findMany({
    where: { userId: { in: [...userIds] }, kind },
    select: { userId: true, delivery: true },
  });
  const byUser = new Map(chosen.map((p) => [p.userId, p.delivery]));
  const fallback = kindById(kind).defaultDelivery;
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? fallback]));
}

/** One person's delivery for every kind (defaults filled in). */
export async function deliveriesOf(tx: Tx, userId: string): Promise<Map<KindId, EmailDelivery>> {
  const chosen = await tx.notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const byKind = new Map(chosen.map((p) => [p.kind, p.delivery]));
  return new Map(kindsForRoles([]).map((k) => [k.id, byKind.get(k.id) ?? k.defaultDelivery]));
}

/** The kinds the actor gets, each with their choice, for the preferences page. */
export async function preferencesOf(actor: Actor) {
  const deliveries = await deliveriesOf(db, actor.id);
  return kindsForRoles(actor.memberships.map((m) => m.role)).map((k) => ({
    id: k.id,
    label: k.label,
    who: k.who,
    defaultDelivery: k.defaultDelivery,
    delivery: deliveries.get(k.id) ?? k.defaultDelivery,
  }));
}

/** Sets one person's delivery for one kind (audited); shared by the preferences form and unsubscribe. */
export async function setDelivery(tx: Tx, user: { id: string; districtId: string }, kind: KindId, delivery: EmailDelivery, via: string) {
  await tx.notificationPreference.upsert({
    where: { userId_kind: { userId: user.id, kind } },
    create: { userId: user.id, kind, delivery },
    update: { delivery },
  });
  await recordAudit(tx, {
    organizationId: user.districtId,
    actorId: user.id,
    action: "notification-preference.set",
    entityType: "User",
    entityId: user.id,
    detail: { kind, delivery, via },
  });
}

/** Saves the actor's own choices. Only their own row can change: the user id is the actor's, never the input's. */
export async function savePreferences(actor: Actor, input: unknown) {
  const { deliveries } = preferencesSchema.parse(input);
  const current = await deliveriesOf(db, actor.id);
  const changed = (Object.entries(deliveries) as [KindId, EmailDelivery | undefined][]).filter(
    ([kind, delivery]) => delivery && current.get(kind) !== delivery,
  );
  await db.$transaction(async (tx) => {
    for (const [kind, delivery] of changed) {
      if (delivery) await setDelivery(tx, { id: actor.id, districtId: actor.districtId }, kind, delivery, "preferences");
    }
  });
  return { changed: changed.length };
}
