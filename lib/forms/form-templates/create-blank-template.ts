import "server-only";
import type { Db } from "@/db/client";
import { formTemplates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { NewFormBody, TemplateDetailDto } from "../schemas";
import { getTemplate } from "./get-template";

/**
 * Starts a blank form of the clinic's own: a title and kind, no version yet (current version 0).
 * It opens in the editor; the first save makes version 1, and until then it cannot be sent
 * (createFormRequests refuses it), so a client never receives an empty form.
 */
export async function createBlankTemplate(db: Db, actor: Actor, input: NewFormBody): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(formTemplates)
      .values({
        clinicId: actor.clinicId,
        title: input.title,
        kind: input.kind,
        currentVersion: 0,
        createdBy: actor.userId,
      })
      .returning({ id: formTemplates.id });
    await recordEvent(tx, actor, {
      action: "form.template_created",
      entityType: "form_template",
      entityId: row!.id,
      details: { kind: input.kind },
    });
    return row!.id;
  });
  return getTemplate(db, actor, id);
}
