import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clientPrecautions, clientTools } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import type { SafetyDto, setPrecautionsBody, setToolsBody } from "./schemas";

const BY_ID = new Map<string, (typeof PRECAUTIONS)[number]>(PRECAUTIONS.map((p) => [p.id, p]));

/** The precautions screen and owned tools. Therapists see any client's; a client their own tools. */
export async function getClientSafety(db: Db, actor: Actor, clientId: string): Promise<SafetyDto> {
  const own = actor.clientId === clientId;
  if (!own) assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const [precautions, tools] = await Promise.all([
    own
      ? Promise.resolve([])
      : db
          .select()
          .from(clientPrecautions)
          .where(and(clinicScope(actor, clientPrecautions), eq(clientPrecautions.clientId, clientId))),
    db
      .select({ tool: clientTools.tool })
      .from(clientTools)
      .where(and(clinicScope(actor, clientTools), eq(clientTools.clientId, clientId))),
  ]);
  return {
    precautions: precautions
      .map((p) => ({
        id: p.precautionId,
        label: BY_ID.get(p.precautionId)?.label ?? p.precautionId,
        kind: BY_ID.get(p.precautionId)?.kind ?? "relative",
        areas: p.areas,
        note: p.note,
        recordedAt: p.recordedAt.toISOString(),
      }))
      .sort((a, b) => PRECAUTIONS.findIndex((x) => x.id === a.id) - PRECAUTIONS.findIndex((x) => x.id === b.id)),
    tools: tools.map((t) => t.tool).sort(),
  };
}

/** Replaces the precautions screen in one transaction (what is not listed no longer applies). */
export async function setPrecautions(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof setPrecautionsBody>,
) {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx
      .delete(clientPrecautions)
      .where(and(clinicScope(actor, clientPrecautions), eq(clientPrecautions.clientId, clientId)));
    if (input.items.length) {
      await tx.insert(clientPrecautions).values(
        input.items.map((i) => ({
          clinicId: actor.clinicId,
          clientId,
          precautionId: i.id,
          areas: i.areas ?? [],
          note: i.note,
          recordedBy: actor.userId,
        })),
      );
    }
    await recordEvent(tx, actor, {
      action: "client.precautions_set",
      entityType: "client",
      entityId: clientId,
      details: { precautions: input.items.map((i) => i.id) },
    });
  });
  return getClientSafety(db, actor, clientId);
}

/** Replaces the owned tools: by the therapist, or by the client for themself. */
export async function setTools(db: Db, actor: Actor, clientId: string, input: z.output<typeof setToolsBody>) {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.write");
  else assertCan(actor, "portal.self");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx.delete(clientTools).where(and(clinicScope(actor, clientTools), eq(clientTools.clientId, clientId)));
    if (input.tools.length)
      await tx.insert(clientTools).values(input.tools.map((tool) => ({ clinicId: actor.clinicId, clientId, tool })));
    await recordEvent(tx, actor, {
      action: "client.tools_set",
      entityType: "client",
      entityId: clientId,
      details: { tools: input.tools },
    });
  });
  return getClientSafety(db, actor, clientId);
}
