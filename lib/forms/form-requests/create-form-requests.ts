import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formRequests, formTemplates } from "@/db/schema";
import { recordEvents } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";

/**
 * Sends forms to a client: each request is pinned to the template's current version, so a
 * later edit of the form never changes what this client reads and signs. Used on demand by
 * staff and by the first-booking hook (`sentBy` null).
 */
export async function createFormRequests(
  tx: Db,
  actor: { clinicId: string; userId: string | null },
  clientId: string,
  templateIds: string[],
): Promise<string[]> {
  const templates = await tx
    .select({ id: formTemplates.id, title: formTemplates.title, version: formTemplates.currentVersion })
    .from(formTemplates)
    .where(
      and(
        eq(formTemplates.clinicId, actor.clinicId),
        inArray(formTemplates.id, templateIds),
        isNull(formTemplates.archivedAt),
      ),
    );
  if (templates.length !== templateIds.length) throw notFound("That form");
  const unsaved = templates.find((t) => t.version === 0);
  if (unsaved)
    throw conflict(`“${unsaved.title}” is a new form that has not been saved yet: save it in the form editor first.`);
  const rows = await tx
    .insert(formRequests)
    .values(
      templates.map((t) => ({
        clinicId: actor.clinicId,
        clientId,
        templateId: t.id,
        version: t.version,
        sentBy: actor.userId,
      })),
    )
    .returning({ id: formRequests.id });
  await recordEvents(
    tx,
    actor,
    rows.map((r, i) => ({
      action: "form.sent",
      entityType: "form_request",
      entityId: r.id,
      clientId,
      details: { templateId: templates[i]!.id, version: templates[i]!.version },
    })),
  );
  return rows.map((r) => r.id);
}
