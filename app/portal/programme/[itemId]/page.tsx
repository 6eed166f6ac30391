import type { Metadata } from "next";
import { ItemView } from "../_components/item-view";
import { loadPortalItem } from "./load-item";

export const metadata: Metadata = { title: "Your exercise" };

/** One exercise of the client's own programme, with its timer. Another client's item is simply not found. */
export default async function ProgrammeItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  const view = await loadPortalItem(itemId);
  return <ItemView itemId={itemId} initial={view} />;
}
