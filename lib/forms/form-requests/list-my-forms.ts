import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formRequests } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import type { FormRequestDto } from "../schemas";
import { requestListQuery, toRequestDto } from "./request-rows";

/** The signed-in client's forms: pending first, then signed ones. */
export async function listMyForms(db: Db, actor: Actor): Promise<FormRequestDto[]> {
  assertCan(actor, "portal.self");
  if (!actor.clientId) return [];
  const rows = await requestListQuery(db, actor.clinicId)
    .where(and(clinicScope(actor, formRequests), eq(formRequests.clientId, actor.clientId)))
    .orderBy(desc(formRequests.sentAt))
    .limit(100);
  return rows
    .map(toRequestDto)
    .filter((r) => r.status !== "cancelled")
    .sort((a, b) => Number(a.status !== "pending") - Number(b.status !== "pending"));
}
