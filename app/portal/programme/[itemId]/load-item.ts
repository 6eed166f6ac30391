import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getPortalProgramme } from "@/lib/programmes/portal";

/**
 * The client's programme view for one of their exercises; another client's (or a made-up)
 * item is not found. Cached per request: the layout checks above loading.tsx, so a 404 keeps
 * its status, and the page reuses the same read.
 */
export const loadPortalItem = cache(async (itemId: string) => {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  // A failed read leaves the page to fetch for itself and show its own error and retry.
  const view = await getPortalProgramme(await getDb(), actor).catch(() => undefined);
  if (view && !view.programmes.some((p) => p.items.some((i) => i.itemId === itemId))) notFound();
  return view;
});
