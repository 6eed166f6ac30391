import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { clinicInstrumentList } from "./instruments";
import type { InstrumentDto } from "./schemas";

export async function listInstruments(db: Db, actor: Actor): Promise<InstrumentDto[]> {
  assertCan(actor, "clinical.read");
  return clinicInstrumentList(db, actor.clinicId);
}
