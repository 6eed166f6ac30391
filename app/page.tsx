import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { homePathFor } from "@/lib/auth/actor";

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathFor(actor.roles));
}
