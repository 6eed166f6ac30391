import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import type { AttentionEntry } from "@/lib/outcomes/rules/attention";
import { pageNeedsAttention } from "./attention";

/** The whole "needs attention" list (GET /api/attention); the dashboard reads a page of it (./attention.ts). */
export async function listNeedsAttention(db: Db, actor: Actor): Promise<AttentionEntry[]> {
  return (await pageNeedsAttention(db, actor, null)).entries;
}
