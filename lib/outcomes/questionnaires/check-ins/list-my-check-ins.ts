import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { listCheckIns } from "./list-check-ins";
import { weekStartOf } from "./check-in-rows";

export async function listMyCheckIns(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  const list = await listCheckIns(db, actor, requireClientId(actor));
  return { thisWeek: weekStartOf(new Date(), actor.clinicTimezone), checkIns: list };
}
