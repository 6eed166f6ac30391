import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formRequests } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { FormRequestDto } from "../schemas";
import { requestListQuery, toRequestDto } from "./request-rows";

/** The forms sent to a client, newest first, with their signing state. */
export async function listClientForms(db: Db, actor: Actor, clientId: string): Promise<FormRequestDto[]> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await requestListQuery(db, actor.clinicId)
    .where(and(clinicScope(actor, formRequests), eq(formRequests.clientId, clientId)))
    .orderBy(desc(formRequests.sentAt))
    .limit(200);
  return rows.map(toRequestDto);
}
