import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formTemplates, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { TemplateDetailDto } from "../schemas";
import { templateColumns, toTemplateDto } from "./template-rows";

/** A template with the text of its current version (none yet for a new blank form: version 0). */
export async function getTemplate(db: Db, actor: Actor, templateId: string): Promise<TemplateDetailDto> {
  assertCan(actor, "forms.configure");
  const [row] = await db
    .select({ ...templateColumns, definition: formVersions.definition })
    .from(formTemplates)
    .leftJoin(
      formVersions,
      and(
        eq(formVersions.clinicId, formTemplates.clinicId),
        eq(formVersions.templateId, formTemplates.id),
        eq(formVersions.version, formTemplates.currentVersion),
      ),
    )
    .where(and(clinicScope(actor, formTemplates), eq(formTemplates.id, templateId), isNull(formTemplates.archivedAt)));
  if (!row) throw notFound("That form");
  return { ...toTemplateDto(row), definition: row.definition };
}
