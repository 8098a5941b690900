// The retention page's read: the district's period and, when one is set, a page of the students due.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { PageRequest } from "@/lib/people/listing";
import { dueStudents } from "./due";
import { getRetention } from "./policy";

export async function retentionOverview(actor: Actor, request: PageRequest = {}) {
  const policy = await getRetention(actor);
  const due = policy.keepMonths === null ? null : await dueStudents(actor.districtId, policy.keepMonths, request);
  return { ...policy, due };
}
