// Counts and captures every statement sent through node-postgres, by wrapping pg.Client#query (the pool
// and drizzle both end there), so the growth table can show queries per request and EXPLAIN each one.
import pg from "pg";

export interface Captured {
  text: string;
  values: unknown[];
}

const state = { recording: false, captured: [] as Captured[] };

let installed = false;

/** Wraps pg.Client#query once per process. */
export function installRecorder() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    if (state.recording) {
      const [first, second] = args;
      if (typeof first === "string") state.captured.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const q = first as { text: string; values?: unknown[] };
        state.captured.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : []) });
      }
    }
    return original.apply(this, args);
  };
}

/** Runs `fn` and returns the statements it sent. */
export async function record<T>(fn: () => Promise<T>): Promise<Captured[]> {
  state.captured = [];
  state.recording = true;
  try {
    await fn();
  } finally {
    state.recording = false;
  }
  return state.captured;
}

/** Tables that grow with the data set: a sequential scan on one of them is a growth bug. */
export const BIG_TABLES = new Set([
  "invoices",
  "invoice_lines",
  "payments",
  "allocations",
  "clients",
  "complaints",
  "visits",
  "findings",
  "trigger_points",
  "visit_pain_scores",
  "appointments",
  "diary_entries",
  "programmes",
  "programme_versions",
  "programme_items",
  "programme_completions",
  "audit_events",
  "users",
  "memberships",
]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, out: Set<string>) {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.has(node["Relation Name"]))
    out.add(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
}

/** Big tables read by a sequential scan in the plans of the captured reads (writes are not explained). */
export async function explainSeqScans(pool: pg.Pool, captured: Captured[]): Promise<Set<string>> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const q of captured) {
    if (!/^\s*(select|with)\b/i.test(q.text) || seen.has(q.text)) continue;
    seen.add(q.text);
    const { rows } = await pool.query(`explain (format json) ${q.text}`, q.values);
    const plan = (rows[0] as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"][0]!.Plan;
    seqScans(plan, out);
  }
  return out;
}
