import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { FillFormDto } from "../schemas";
import { loadRequest, toFillDto } from "./load-request";

/** A form the clinic sent to the signed-in client, in the version it was sent. */
export async function getMyForm(db: Db, actor: Actor, requestId: string): Promise<FillFormDto> {
  assertCan(actor, "portal.self");
  if (!actor.clientId) throw notFound("That form");
  return toFillDto(await loadRequest(db, actor.clinicId, requestId, actor.clientId));
}
