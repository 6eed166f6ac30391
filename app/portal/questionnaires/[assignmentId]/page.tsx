import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { openMyQuestionnaire } from "@/lib/outcomes/questionnaires/assignments/open-my-questionnaire";
import { PortalQuestionnaire } from "../../_components/portal-questionnaire";

export const metadata: Metadata = { title: "Questionnaire" };

/**
 * One due questionnaire. Read on the server for the first paint in the same shape as
 * GET /api/portal/questionnaires, which the page then keeps up to date.
 */
export default async function PortalQuestionnairePage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const { assignmentId } = await params;
  // Another client's (or a made-up) id is simply not found, as in the API.
  const opened = await openMyQuestionnaire(await getDb(), actor, assignmentId);
  if (!opened) notFound();
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <PortalQuestionnaire assignmentId={assignmentId} initial={opened.due} previousLabels={opened.previousLabels} />
    </div>
  );
}
