import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await requireActor();
  redirect(ROLE_HOME[actor.acting.role]);
}
