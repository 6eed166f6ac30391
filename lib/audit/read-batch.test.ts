import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { recordRead } from "./record-read";
import { withRequestMeta } from "./request-meta";
import { verifyChain } from "./verify-chain";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

describe("reads recorded together (group commit)", () => {
  it("records every concurrent read with its own request, and the chain still verifies", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    const clientId = await clientIdByName(t.db, "Casey", "Client");
    const ids = Array.from({ length: 30 }, (_, i) => `batch-${i}`);
    await Promise.all(
      ids.map((requestId, i) =>
        withRequestMeta({ requestId, ip: `203.0.113.${i}` }, () =>
          // A second clinic's reads in the same batches: each chain takes its own rows.
          i % 3 === 0
            ? recordRead(t.db, other, { kind: "client", clientId: null })
            : recordRead(t.db, therapist, { kind: "client", clientId }),
        ),
      ),
    );
    const rows = await t.db
      .select({ requestId: auditEvents.requestId, ip: auditEvents.ip, clinicId: auditEvents.clinicId })
      .from(auditEvents)
      .where(inArray(auditEvents.requestId, ids));
    expect(rows.map((r) => r.requestId).sort()).toEqual([...ids].sort());
    for (const r of rows) expect(r.ip).toBe(`203.0.113.${r.requestId!.slice(6)}`);
    expect((await verifyChain(t.db, therapist.clinicId)).broken).toBeNull();
    expect((await verifyChain(t.db, other.clinicId)).broken).toBeNull();
    const own = await t.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, therapist.clinicId));
    // Gap-free sequence in the clinic's chain.
    const seqs = own.map((r) => Number(r.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });
});
