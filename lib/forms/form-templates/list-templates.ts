import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formTemplates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { SEEDED_FORMS, seededFormsFor } from "../templates";
import { offersDryNeedling } from "./seeded-copies";
import { templateColumns, toTemplateDto } from "./template-rows";

/** The clinic's forms, and the seeded ones it can still copy (dry needling only within its scope). */
export async function listTemplates(db: Db, actor: Actor) {
  assertCan(actor, "forms.configure");
  const rows = await db
    .select(templateColumns)
    .from(formTemplates)
    .where(and(clinicScope(actor, formTemplates), isNull(formTemplates.archivedAt)))
    .orderBy(asc(formTemplates.title));
  const copied = new Set(rows.map((r) => r.seedKey));
  const available = seededFormsFor(await offersDryNeedling(db, actor))
    .filter((k) => !copied.has(k))
    .map((seedKey) => ({ seedKey, title: SEEDED_FORMS[seedKey].title }));
  return { templates: rows.map(toTemplateDto), available };
}
