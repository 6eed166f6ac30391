import { redirect } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { homePathFor } from "@/lib/identity/actor";

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathFor(actor.roles));
}
