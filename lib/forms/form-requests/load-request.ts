import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, formRequests, formTemplates, formVersions } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { FillFormDto } from "../schemas";
import type { FormDefinition } from "../definition";

/** A request with the exact version it was sent at, scoped to the clinic (and the client, when given). */
export async function loadRequest(db: Db, clinicId: string, requestId: string, clientId?: string, forUpdate = false) {
  const q = db
    .select({
      id: formRequests.id,
      clientId: formRequests.clientId,
      templateId: formRequests.templateId,
      version: formRequests.version,
      status: formRequests.status,
      title: formTemplates.title,
      definition: formVersions.definition,
      clinicName: clinics.name,
    })
    .from(formRequests)
    .innerJoin(
      formTemplates,
      and(eq(formTemplates.clinicId, formRequests.clinicId), eq(formTemplates.id, formRequests.templateId)),
    )
    .innerJoin(
      formVersions,
      and(
        eq(formVersions.clinicId, formRequests.clinicId),
        eq(formVersions.templateId, formRequests.templateId),
        eq(formVersions.version, formRequests.version),
      ),
    )
    .innerJoin(clinics, eq(clinics.id, formRequests.clinicId))
    .where(
      and(
        eq(formRequests.clinicId, clinicId),
        eq(formRequests.id, requestId),
        clientId ? eq(formRequests.clientId, clientId) : undefined,
      ),
    );
  const [row] = forUpdate ? await q.for("update", { of: formRequests }) : await q;
  if (!row) throw notFound("That form");
  return row as typeof row & { definition: FormDefinition };
}

export const toFillDto = (r: Awaited<ReturnType<typeof loadRequest>>): FillFormDto => ({
  id: r.id,
  title: r.definition.title,
  version: r.version,
  status: r.status as FillFormDto["status"],
  clinicName: r.clinicName,
  definition: r.definition,
});
