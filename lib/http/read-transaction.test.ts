import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import { roleHandles } from "@/lib/testing/role-handles";
import { installRecorder, record } from "@/scripts/bench/query-recorder";
import { GET as getClient } from "@/app/api/clients/[clientId]/route";
import { GET as listClients } from "@/app/api/clients/route";

// A clinic's JSON read sends its statements in one transaction on the clinic handle (route.ts,
// issue 16). Real pools as production holds them: the test's own rolled-back transaction would
// hide the BEGINs and COMMITs this counts.
let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

const isBegin = (s: string) => /^begin\b/i.test(s.trim());
const isCommit = (s: string) => /^commit\b/i.test(s.trim());

describe("a clinic's read in one transaction (PostgreSQL)", () => {
  it("reads a client record in one BEGIN … COMMIT, then records the read after it", async () => {
    const handles = roleHandles(t);
    if (!handles) return; // the recorder counts node-postgres statements only
    installRecorder();
    try {
      // A client without a login, so the record's open invitation is read too. No clinic chosen in the browser:
      // the actor's statement finds the one clinic the therapist works in.
      const session = { ...(await sessionFor(t.db, "therapist@demo.test")), clinicId: null };
      const clientId = await clientIdByName(t.db, "Priya", "Shah");
      const deps = { db: handles.platform, clinicDb: handles.clinicDb, session };
      let res: Response | undefined;
      const statements = (
        await record(async () => {
          res = await getClient.invoke(new Request(`http://test/api/clients/${clientId}`), { clientId }, deps);
        })
      ).map((s) => s.text);
      expect(res!.status).toBe(200);
      expect((await res!.json()).id).toBe(clientId);
      const begins = statements.flatMap((s, i) => (isBegin(s) ? [i] : []));
      const commits = statements.flatMap((s, i) => (isCommit(s) ? [i] : []));
      // One transaction for the read (the record and its open invitation), one for the audit event.
      expect(begins).toHaveLength(2);
      expect(commits).toHaveLength(2);
      const read = statements.slice(begins[0]! + 1, commits[0]);
      expect(read.some((s) => /from "clients"/.test(s))).toBe(true);
      expect(read.some((s) => /from "invitations"/.test(s))).toBe(true);
      expect(read.some((s) => /audit_events/.test(s))).toBe(false);
      const audit = statements.slice(begins[1]! + 1, commits[1]);
      expect(audit.some((s) => /insert into "audit_events"/.test(s))).toBe(true);
      // Before the first BEGIN only the platform's actor statement: no statement of the clinic outside it.
      expect(statements.slice(0, begins[0]).filter((s) => /from "(clients|invitations)"/.test(s))).toEqual([]);
    } finally {
      await handles.close();
    }
  });

  it("a refused read rolls its transaction back and leaves no connection in one", async () => {
    const handles = roleHandles(t);
    if (!handles) return;
    try {
      const session = await sessionFor(t.db, "therapist@demo.test");
      const deps = { db: handles.platform, clinicDb: handles.clinicDb, session };
      const missing = "00000000-0000-4000-8000-000000000000";
      const res = await getClient.invoke(
        new Request(`http://test/api/clients/${missing}`),
        { clientId: missing },
        deps,
      );
      expect(res.status).toBe(404);
      // Both pool connections (max 2) are usable again: a transaction left open would hold one.
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          listClients.invoke(new Request("http://test/api/clients?limit=5"), {}, deps).then((r) => r.status),
        ),
      );
      expect([a, b]).toEqual([200, 200]);
    } finally {
      await handles.close();
    }
  });
});
