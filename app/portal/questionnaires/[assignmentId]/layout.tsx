import type { ReactNode } from "react";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { openMyQuestionnaire } from "@/lib/outcomes/questionnaires/assignments/open-my-questionnaire";

/**
 * Refuses another client's (or a made-up) questionnaire above loading.tsx, so the 404 keeps its
 * status; the page checks again, since layouts do not re-run on client navigation.
 */
export default async function PortalQuestionnaireLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ assignmentId: string }>;
}) {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const { assignmentId } = await params;
  if (!(await openMyQuestionnaire(await getDb(), actor, assignmentId))) notFound();
  return children;
}
