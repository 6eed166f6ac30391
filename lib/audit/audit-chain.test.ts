import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { auditEvents, clinics, platformAuditEvents } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { clinicDb } from "@/db/clinic-db";
import { recordEvent } from "./record-event";
import { verifyAllChains, verifyChain } from "./verify-chain";

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
});
afterAll(() => t?.close());

const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows) as { n: number }[];

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, "the statement should have been refused").not.toBeNull();
  return `${err!.message} ${err!.cause?.message ?? ""}`;
}

/** Changes a stored row behind the triggers' back, as someone with the table owner's rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  try {
    await t.db.execute(statement);
  } finally {
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  }
}

describe("the audit trail is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on clinic and platform events", async () => {
    await recordEvent(t.db, admin, { action: "client.viewed", entityType: "client", entityId: admin.userId });
    await recordEvent(t.db, { clinicId: null, userId: null }, { action: "signin.failed", entityType: "login" });
    const append = /append-only/;
    expect(await refusal(t.db.update(auditEvents).set({ action: "nothing" }))).toMatch(append);
    expect(await refusal(t.db.delete(auditEvents).where(eq(auditEvents.clinicId, admin.clinicId)))).toMatch(append);
    expect(await refusal(t.db.execute(sql`truncate audit_events`))).toMatch(append);
    expect(await refusal(t.db.update(platformAuditEvents).set({ ip: "10.0.0.1" }))).toMatch(append);
    expect(await refusal(t.db.delete(platformAuditEvents))).toMatch(append);
    expect(await refusal(t.db.execute(sql`delete from audit_chain_heads`))).toMatch(append);
  });

  it("chains events that belong to no clinic on the platform chain", async () => {
    await recordEvent(t.db, { clinicId: null, userId: null }, { action: "signin.failed", entityType: "login" });
    const report = await verifyChain(t.db, "platform");
    expect(report.broken).toBeNull();
    expect(report.events).toBeGreaterThanOrEqual(2);
  });
});

describe("the hash chain", () => {
  it("verifies every chain of the seeded database, seeded events included", async () => {
    const reports = await verifyAllChains(t.db);
    expect(reports.map((r) => r.broken)).toEqual(reports.map(() => null));
    expect(reports.find((r) => r.chain === admin.clinicId)!.events).toBeGreaterThan(1);
  });

  it("keeps one gap-free order when 20 events are written at once, also on a brand-new chain", async () => {
    const [fresh] = await t.db
      .insert(clinics)
      .values({ name: "Chain Clinic", slug: `chain-${Date.now()}` })
      .returning({ id: clinics.id });
    for (const clinicId of [admin.clinicId, fresh!.id]) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.db.transaction((tx) =>
            recordEvent(
              tx,
              { clinicId, userId: admin.userId },
              { action: "client.viewed", entityType: "client", details: { i } },
            ),
          ),
        ),
      );
      const report = await verifyChain(t.db, clinicId);
      expect(report.broken).toBeNull();
      const seqs = await t.db
        .select({ seq: auditEvents.seq })
        .from(auditEvents)
        .where(eq(auditEvents.clinicId, clinicId))
        .orderBy(asc(auditEvents.seq));
      expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it("names the first broken link when a row is changed, removed or the tail cut off", async () => {
    const clinicId = admin.clinicId;
    const before = await verifyChain(t.db, clinicId);
    expect(before.broken).toBeNull();
    const at = (seq: number) => and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.seq, seq));
    const [victim] = await t.db.select({ id: auditEvents.id }).from(auditEvents).where(at(3));

    await tamper(
      sql`update audit_events set details = '{"note":"rewritten"}' where clinic_id = ${clinicId} and seq = 3`,
    );
    expect((await verifyChain(t.db, clinicId)).broken).toEqual({
      chain: clinicId,
      seq: 3,
      id: victim!.id,
      problem: "its content does not match its hash",
    });

    await tamper(sql`delete from audit_events where clinic_id = ${clinicId} and seq = 2`);
    expect((await verifyChain(t.db, clinicId)).broken).toMatchObject({
      seq: 2,
      problem: "event 2 is missing (next is 3)",
    });

    // Verification reports the chain as a whole; other clinics' chains are untouched.
    const others = (await verifyAllChains(t.db)).filter((r) => r.chain !== clinicId);
    expect(others.every((r) => r.broken === null)).toBe(true);
  });

  it("catches a cut-off tail through the chain head", async () => {
    const [fresh] = await t.db
      .insert(clinics)
      .values({ name: "Tail Clinic", slug: `tail-${Date.now()}` })
      .returning({ id: clinics.id });
    const who = { clinicId: fresh!.id, userId: admin.userId };
    for (let i = 0; i < 3; i++) await recordEvent(t.db, who, { action: "client.viewed", entityType: "client" });
    await tamper(sql`delete from audit_events where clinic_id = ${fresh!.id} and seq = 3`);
    expect((await verifyChain(t.db, fresh!.id)).broken).toMatchObject({
      seq: 3,
      problem: "the chain head records 3 events but 2 are present",
    });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    "npm run audit:verify names the broken link and exits 1",
    async () => {
      const run = promisify(execFile);
      const out = await run("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], {
        env: { ...process.env, DATABASE_URL: t.url! },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
      expect(out.code).toBe(1);
      expect(out.stdout).toContain(`BROKEN ${admin.clinicId} at event 2: event 2 is missing (next is 3)`);
      expect(out.stdout).toMatch(/ok {5}platform: \d+ events, head [0-9a-f]{64}/);
    },
    60_000,
  );

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    "the production role of scripts/db-least-privilege.sql may append and read the trail, not change it",
    async () => {
      const run = promisify(execFile);
      await run("psql", [t.url!, "-v", "ON_ERROR_STOP=1", "-q", "-f", "scripts/db-least-privilege.sql"]);
      const asApp = async (statement: ReturnType<typeof sql>) =>
        t.db.transaction(async (tx) => {
          await tx.execute(sql`set local role knotwork_app`);
          return tx.execute(statement);
        });
      const denied = /permission denied/;
      expect(await refusal(asApp(sql`update audit_events set action = 'x'`))).toMatch(denied);
      expect(await refusal(asApp(sql`delete from audit_events`))).toMatch(denied);
      expect(await refusal(asApp(sql`truncate audit_events`))).toMatch(denied);
      expect(await refusal(asApp(sql`update audit_chain_heads set last_seq = 0`))).toMatch(denied);
      expect(await refusal(asApp(sql`alter table audit_events disable trigger all`))).toMatch(/must be owner/);
      // Appending still works, in the clinic's transaction: the chain trigger updates the head with
      // its owner's rights.
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role knotwork_app`);
        await recordEvent(await clinicDb(tx, admin.clinicId), admin, {
          action: "client.viewed",
          entityType: "client",
          entityId: admin.userId,
        });
      });
      const [seen] = rowsOf(
        await t.db.transaction(async (tx) => {
          await tx.execute(sql`set local role knotwork_app`);
          return (await clinicDb(tx, admin.clinicId)).execute(sql`select count(*)::int as n from clients`);
        }),
      );
      expect(seen!.n).toBeGreaterThan(0);
      // Row-level security: without the clinic the app role sees no client of any clinic, and no event;
      // the platform role (BYPASSRLS) sees them all.
      const [none] = rowsOf(await asApp(sql`select count(*)::int as n from clients`));
      expect(none!.n).toBe(0);
      const [noEvents] = rowsOf(await asApp(sql`select count(*)::int as n from audit_events`));
      expect(noEvents!.n).toBe(0);
      const [all] = rowsOf(
        await t.db.transaction(async (tx) => {
          await tx.execute(sql`set local role knotwork_platform`);
          return tx.execute(sql`select count(*)::int as n from clients`);
        }),
      );
      expect(all!.n).toBeGreaterThan(seen!.n);
    },
    60_000,
  );
});
