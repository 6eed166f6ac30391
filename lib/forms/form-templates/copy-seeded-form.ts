import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { seededFormsFor, type SeededFormKey } from "../templates";
import type { TemplateDetailDto } from "../schemas";
import { getTemplate } from "./get-template";
import { ensureSeededCopy, offersDryNeedling } from "./seeded-copies";

/** Copies a seeded form into the clinic's own templates (dry needling only where offered). */
export async function copySeededForm(db: Db, actor: Actor, seedKey: SeededFormKey): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  if (!seededFormsFor(await offersDryNeedling(db, actor)).includes(seedKey))
    throw conflict(
      "Dry needling is not within this clinic's scope of practice (a clinic setting), so its consent form is not offered.",
    );
  const id = await db.transaction(async (tx) => {
    const templateId = await ensureSeededCopy(tx, actor, seedKey);
    await recordEvent(tx, actor, {
      action: "form.template_copied",
      entityType: "form_template",
      entityId: templateId,
      details: { seedKey },
    });
    return templateId;
  });
  return getTemplate(db, actor, id);
}
