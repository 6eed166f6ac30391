import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { dueWithInstruments, loadAssignments } from "@/lib/outcomes/questionnaires/assignments/active-assignments";
import { listResponseSeries } from "@/lib/outcomes/questionnaires/responses/list-response-series";
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
  const db = await getDb();
  // Another client's (or a made-up) id is simply not found, as in the API; the client's own
  // questionnaire that is no longer due still opens and says so.
  const mineAll = await loadAssignments(db, actor, actor.clientId);
  if (!mineAll.some((a) => a.assignment.id === assignmentId)) notFound();
  const initial = await dueWithInstruments(db, actor, mineAll);
  const mine = initial.find((a) => a.id === assignmentId);
  // PSFS re-rates the activities named last time, so the client does not have to recall them.
  const previous = mine
    ? (await listResponseSeries(db, actor, actor.clientId)).find((s) => s.instrumentId === mine.instrumentId)
    : undefined;
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <PortalQuestionnaire
        assignmentId={assignmentId}
        initial={initial}
        previousLabels={previous?.responses.at(-1)?.itemLabels ?? {}}
      />
    </div>
  );
}
