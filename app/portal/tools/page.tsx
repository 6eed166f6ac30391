import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientSafety } from "@/lib/programmes/safety/get-client-safety";
import { TOOL_IDS } from "@/lib/programmes/tool-ids";
import { ToolsForm } from "./tools-form";

export const metadata: Metadata = { title: "My tools" };

/** The client tells the clinic which self-release tools they have, so exercises fit what is at home. */
export default async function MyToolsPage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const { tools } = await getClientSafety(await getDb(), actor, actor.clientId);
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Which tools do you have at home?</h1>
      <p className="text-base text-muted">
        Your therapist uses this to choose exercises you can do with what you have.
      </p>
      <ToolsForm
        initial={tools.filter((t): t is (typeof TOOL_IDS)[number] => (TOOL_IDS as readonly string[]).includes(t))}
      />
    </div>
  );
}
