import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { emailOutbox } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { deliverPending, enqueueEmail, type Transport } from "./outbox";

const FROM = "Knotwork <no-reply@knotwork.test>";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

async function queue(n: number, kind: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(await enqueueEmail(t.db, { clinicId: null, to: `person${i}@example.test`, subject: `Subject ${i}`, text: `Body ${i}`, kind }));
  }
  return ids;
}

const rows = (ids: string[]) => t.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));

describe("deliverPending", () => {
  it("sends each pending message once through the transport and marks it sent", async () => {
    const ids = await queue(2, "test.sent");
    const sent: { from: string; to: string; subject: string; text: string }[] = [];
    const transport: Transport = { sendMail: async (m) => void sent.push(m) };
    expect(await deliverPending(t.db, transport, FROM)).toBe(2);
    expect(sent.map((m) => [m.from, m.to, m.subject, m.text]).sort()).toEqual([
      [FROM, "person0@example.test", "Subject 0", "Body 0"],
      [FROM, "person1@example.test", "Subject 1", "Body 1"],
    ]);
    for (const r of await rows(ids)) expect(r).toMatchObject({ status: "sent", attempts: 1, sentAt: expect.any(Date) });
    expect(await deliverPending(t.db, transport, FROM)).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it("marks messages skipped when no transport is configured", async () => {
    const ids = await queue(2, "test.skipped");
    expect(await deliverPending(t.db, null, FROM)).toBe(2);
    for (const r of await rows(ids)) expect(r).toMatchObject({ status: "skipped", sentAt: null });
  });

  it("keeps a message pending after a failed send, and gives up after five attempts", async () => {
    const ids = await queue(1, "test.failing");
    const failing: Transport = { sendMail: async () => { throw new Error("smtp down"); } };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await deliverPending(t.db, failing, FROM);
      const [r] = await rows(ids);
      expect(r).toMatchObject({ attempts: attempt, status: attempt < 5 ? "pending" : "failed", lastError: "Error" });
    }
    expect(await deliverPending(t.db, failing, FROM)).toBe(0);
  });
});
