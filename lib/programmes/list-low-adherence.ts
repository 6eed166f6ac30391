import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { pageLowAdherence } from "./adherence-summaries";
import type { ClockOptions } from "./clock";
import type { LowAdherenceEntry } from "./schemas";

/** The whole low-adherence list (GET /api/programmes/low-adherence); the dashboard reads a page of it. */
export async function listLowAdherence(db: Db, actor: Actor, opts: ClockOptions = {}): Promise<LowAdherenceEntry[]> {
  return (await pageLowAdherence(db, actor, null, opts)).entries;
}
