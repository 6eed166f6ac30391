import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formTemplates, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import type { FormDefinition } from "../definition";
import type { TemplateDetailDto } from "../schemas";
import { getTemplate } from "./get-template";

/**
 * Saves new text as the next version. Earlier versions stay exactly as they were (a trigger
 * refuses changes), so forms already sent or signed keep their wording.
 */
export async function saveTemplateVersion(
  db: Db,
  actor: Actor,
  templateId: string,
  input: { baseVersion: number; definition: FormDefinition },
): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  await db.transaction(async (tx) => {
    const current = await getTemplate(tx, actor, templateId);
    const next = current.currentVersion + 1;
    const updated = await tx
      .update(formTemplates)
      .set({ currentVersion: next, title: input.definition.title, kind: input.definition.kind })
      .where(
        and(
          clinicScope(actor, formTemplates),
          eq(formTemplates.id, templateId),
          eq(formTemplates.currentVersion, input.baseVersion),
        ),
      )
      .returning({ id: formTemplates.id });
    if (!updated.length)
      throw conflict(
        `Someone saved this form since you opened it (now version ${current.currentVersion}). Reload and edit again.`,
        {
          currentVersion: current.currentVersion,
        },
      );
    await tx.insert(formVersions).values({
      clinicId: actor.clinicId,
      templateId,
      version: next,
      definition: input.definition,
      createdBy: actor.userId,
    });
    await recordEvent(tx, actor, {
      action: "form.template_saved",
      entityType: "form_template",
      entityId: templateId,
      details: { version: next },
    });
  });
  return getTemplate(db, actor, templateId);
}
