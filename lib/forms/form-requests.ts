import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, formRequests, formSubmissions, formTemplates, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { recordEvents } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { FillFormDto, FormRequestDto } from "./schemas";
import type { FormDefinition } from "./definition";

const requestColumns = {
  id: formRequests.id,
  clientId: formRequests.clientId,
  templateId: formRequests.templateId,
  title: formTemplates.title,
  version: formRequests.version,
  status: formRequests.status,
  sentAt: formRequests.sentAt,
  submissionId: formSubmissions.id,
  signedAt: formSubmissions.signedAt,
};

function listQuery(db: Db, clinicId: string) {
  return db
    .select(requestColumns)
    .from(formRequests)
    .innerJoin(
      formTemplates,
      and(eq(formTemplates.clinicId, formRequests.clinicId), eq(formTemplates.id, formRequests.templateId)),
    )
    .leftJoin(
      formSubmissions,
      and(eq(formSubmissions.clinicId, formRequests.clinicId), eq(formSubmissions.requestId, formRequests.id)),
    )
    .where(eq(formRequests.clinicId, clinicId))
    .$dynamic();
}

type RequestRow = { [K in keyof typeof requestColumns]: unknown };
const toDto = (r: RequestRow): FormRequestDto => ({
  id: r.id as string,
  clientId: r.clientId as string,
  templateId: r.templateId as string,
  title: r.title as string,
  version: r.version as number,
  status: r.status as FormRequestDto["status"],
  sentAt: (r.sentAt as Date).toISOString(),
  submissionId: (r.submissionId as string | null) ?? null,
  signedAt: r.signedAt ? (r.signedAt as Date).toISOString() : null,
});

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

export async function sendForms(
  db: Db,
  actor: Actor,
  clientId: string,
  templateIds: string[],
): Promise<FormRequestDto[]> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    const client = await getClientOrThrow(tx, actor, clientId);
    if (client.archivedAt) throw invalid("This client is archived. Restore them before sending forms.");
    await createFormRequests(tx, actor, clientId, templateIds);
  });
  return listClientForms(db, actor, clientId);
}

/** The forms sent to a client, newest first, with their signing state. */
export async function listClientForms(db: Db, actor: Actor, clientId: string): Promise<FormRequestDto[]> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await listQuery(db, actor.clinicId)
    .where(and(clinicScope(actor, formRequests), eq(formRequests.clientId, clientId)))
    .orderBy(desc(formRequests.sentAt))
    .limit(200);
  return rows.map(toDto);
}

/** The signed-in client's forms: pending first, then signed ones. */
export async function listMyForms(db: Db, actor: Actor): Promise<FormRequestDto[]> {
  assertCan(actor, "portal.self");
  if (!actor.clientId) return [];
  const rows = await listQuery(db, actor.clinicId)
    .where(and(clinicScope(actor, formRequests), eq(formRequests.clientId, actor.clientId)))
    .orderBy(desc(formRequests.sentAt))
    .limit(100);
  return rows
    .map(toDto)
    .filter((r) => r.status !== "cancelled")
    .sort((a, b) => Number(a.status !== "pending") - Number(b.status !== "pending"));
}

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

/** A form the clinic sent to the signed-in client, in the version it was sent. */
export async function getMyForm(db: Db, actor: Actor, requestId: string): Promise<FillFormDto> {
  assertCan(actor, "portal.self");
  if (!actor.clientId) throw notFound("That form");
  return toFillDto(await loadRequest(db, actor.clinicId, requestId, actor.clientId));
}
