// No "server-only": the operational command (scripts/audit-verify.ts) runs this outside Next.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** The first link that does not hold, named so an operator can find the row. */
export interface BrokenLink {
  chain: string;
  seq: number;
  id: string | null;
  problem: string;
}

export interface ChainReport {
  chain: string;
  events: number;
  /** The last hash: note it somewhere the database's administrators cannot write to. */
  head: string;
  broken: BrokenLink | null;
}

const GENESIS = "0".repeat(64);
const PAGE = 5000;

type Row = {
  seq: string;
  id: string;
  actor: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client: string | null;
  details: string;
  at: string;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

// (Ordered by the table's column: the output column `seq` is text and would sort "10" before "2".)
// Must match audit_field() in db/migrations/0016_audit_chain.sql: octet length, colon, text; "~" for NULL.
const field = (v: string | null) => (v === null ? "~" : `${Buffer.byteLength(v, "utf8")}:${v}`);

/** The hash a row should carry, computed here in Node, independently of the database's trigger. */
export function expectedHash(chain: string, r: Row): string {
  const canonical = [
    chain,
    r.seq,
    r.id,
    r.actor,
    r.action,
    r.entity_type,
    r.entity_id,
    r.client,
    r.details,
    r.at,
    r.request_id,
    r.ip,
    r.prev_hash,
  ]
    .map(field)
    .join("");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

function rowsOf(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

const columns = sql`seq::text as seq, id::text as id, actor_user_id::text as actor, action, entity_type,
  entity_id::text as entity_id, details::text as details,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, request_id, ip, prev_hash, hash`;

async function page(db: Db, chain: string, after: number): Promise<Row[]> {
  const result =
    chain === "platform"
      ? await db.execute(sql`select ${columns}, null as client from platform_audit_events
          where seq > ${after} order by platform_audit_events.seq limit ${PAGE}`)
      : await db.execute(sql`select ${columns}, client_id::text as client from audit_events
          where clinic_id = ${chain}::uuid and seq > ${after} order by audit_events.seq limit ${PAGE}`);
  return rowsOf(result);
}

/** Walks one chain in order and reports the first link that breaks (a gap, a changed row, a lost tail). */
export async function verifyChain(db: Db, chain: string): Promise<ChainReport> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let events = 0;
  const fail = (seq: number, id: string | null, problem: string): ChainReport => ({
    chain,
    events,
    head: prev,
    broken: { chain, seq, id, problem },
  });
  for (;;) {
    const rows = await page(db, chain, expectedSeq - 1);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return fail(expectedSeq, null, `event ${expectedSeq} is missing (next is ${seq})`);
      if (r.prev_hash !== prev) return fail(seq, r.id, "does not point at the event before it");
      if (expectedHash(chain, r) !== r.hash) return fail(seq, r.id, "its content does not match its hash");
      prev = r.hash;
      expectedSeq++;
      events++;
    }
    if (rows.length < PAGE) break;
  }
  // The head row is written with every append: a deleted tail leaves it ahead of the rows.
  const [head] = rowsOf(
    await db.execute(
      sql`select last_seq::text as seq, last_hash as hash from audit_chain_heads where chain_key = ${chain}`,
    ),
  ) as unknown as { seq: string; hash: string }[];
  if (head && (Number(head.seq) !== events || head.hash !== prev)) {
    return fail(events + 1, null, `the chain head records ${head.seq} events but ${events} are present`);
  }
  return { chain, events, head: prev, broken: null };
}

/** Every chain: each clinic that has events or a head, and the platform chain. */
export async function listChains(db: Db): Promise<string[]> {
  const rows = rowsOf(
    await db.execute(sql`select chain_key as k from audit_chain_heads
      union select distinct clinic_id::text from audit_events
      union select 'platform' order by 1`),
  ) as unknown as { k: string }[];
  return rows.map((r) => r.k);
}

export async function verifyAllChains(db: Db): Promise<ChainReport[]> {
  const out: ChainReport[] = [];
  for (const chain of await listChains(db)) out.push(await verifyChain(db, chain));
  return out;
}
