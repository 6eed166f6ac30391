import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getPortalProgramme } from "@/lib/programmes/portal";
import { ItemView } from "../_components/item-view";

export const metadata: Metadata = { title: "Your exercise" };

/** One exercise of the client's own programme, with its timer. Another client's item is simply not found. */
export default async function ProgrammeItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const { itemId } = await params;
  // A failed read leaves the page to fetch for itself and show its own error and retry.
  const view = await getPortalProgramme(await getDb(), actor).catch(() => undefined);
  if (view && !view.programmes.some((p) => p.items.some((i) => i.itemId === itemId))) notFound();
  return <ItemView itemId={itemId} initial={view} />;
}
