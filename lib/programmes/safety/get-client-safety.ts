import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientPrecautions, clientTools } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import type { SafetyDto } from "./schemas";

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
