import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray, sql } from "drizzle-orm";
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
    ids.push(
      await enqueueEmail(t.db, {
        clinicId: null,
        to: `person${i}@example.test`,
        subject: `Subject ${i}`,
        text: `Body ${i}`,
        kind,
      }),
    );
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
    const failing: Transport = {
      sendMail: async () => {
        throw new Error("smtp down");
      },
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await deliverPending(t.db, failing, FROM);
      const [r] = await rows(ids);
      expect(r).toMatchObject({ attempts: attempt, status: attempt < 5 ? "pending" : "failed", lastError: "Error" });
    }
    expect(await deliverPending(t.db, failing, FROM)).toBe(0);
  });

  it("records a failed send of one message without resending the others", async () => {
    const ids = await queue(3, "test.one-fails");
    const sent: string[] = [];
    const flaky: Transport = {
      sendMail: async (m) => {
        if (m.to === "person1@example.test") throw new Error("mailbox unavailable");
        sent.push(m.to);
      },
    };
    expect(await deliverPending(t.db, flaky, FROM)).toBe(3);
    expect(sent.sort()).toEqual(["person0@example.test", "person2@example.test"]);
    const after = new Map((await rows(ids)).map((r) => [r.toAddress, r]));
    expect(after.get("person0@example.test")).toMatchObject({ status: "sent", attempts: 1 });
    expect(after.get("person2@example.test")).toMatchObject({ status: "sent", attempts: 1 });
    expect(after.get("person1@example.test")).toMatchObject({
      status: "pending",
      attempts: 1,
      sentAt: null,
      lastError: "Error",
    });

    // The next pass sends only the one that failed.
    const retried: string[] = [];
    expect(await deliverPending(t.db, { sendMail: async (m) => void retried.push(m.to) }, FROM)).toBe(1);
    expect(retried).toEqual(["person1@example.test"]);
  });

  it("leaves a claimed message alone until the claim expires, then retries it", async () => {
    const [id] = await queue(1, "test.crashed");
    // What a worker that crashed mid-send leaves behind: attempts counted, a lease still running.
    await t.db
      .update(emailOutbox)
      .set({ attempts: 1, sentAt: sql`now() + interval '5 minutes'` })
      .where(inArray(emailOutbox.id, [id!]));
    const sent: string[] = [];
    const transport: Transport = { sendMail: async (m) => void sent.push(m.to) };
    expect(await deliverPending(t.db, transport, FROM)).toBe(0);
    await t.db
      .update(emailOutbox)
      .set({ sentAt: sql`now() - interval '1 minute'` })
      .where(inArray(emailOutbox.id, [id!]));
    expect(await deliverPending(t.db, transport, FROM)).toBe(1);
    expect(sent).toEqual(["person0@example.test"]);
    expect((await rows([id!]))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("fails a message whose last claim expired", async () => {
    const [id] = await queue(1, "test.crashed-last");
    await t.db
      .update(emailOutbox)
      .set({ attempts: 5, sentAt: sql`now() - interval '1 minute'` })
      .where(inArray(emailOutbox.id, [id!]));
    const transport: Transport = {
      sendMail: async () => {
        throw new Error("must not send");
      },
    };
    expect(await deliverPending(t.db, transport, FROM)).toBe(0);
    expect((await rows([id!]))[0]).toMatchObject({ status: "failed", attempts: 5, sentAt: null });
  });
});
