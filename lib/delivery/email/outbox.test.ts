import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { emailOutbox, jobs } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { enqueueEmail } from "./outbox";
import { sendEmailJob, sendOutboxMessage } from "./send-job";
import { messageIdFor, type Transport } from "./transport";

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
type Sent = Parameters<Transport["sendMail"]>[0];
const recorder = (sent: Sent[]): Transport => ({ sendMail: async (m) => void sent.push(m) });

describe("enqueueEmail", () => {
  it("writes the outbox row and its send job together, or neither", async () => {
    const [id] = await queue(1, "test.enqueue");
    const [job] = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, "email.send"), sql`payload->>'outboxId' = ${id!}`));
    expect(job).toMatchObject({ status: "queued", clinicId: null, dedupeKey: id, maxAttempts: 5 });

    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, { clinicId: null, to: "x@example.test", subject: "Lost", text: "x", kind: "test.lost" });
        throw new Error("cause failed");
      }),
    ).rejects.toThrow("cause failed");
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "test.lost"))).toEqual([]);
  });
});

describe("sendOutboxMessage", () => {
  it("sends once with a Message-ID from the row id, marks it sent, and does nothing the second time", async () => {
    const [id] = await queue(1, "test.sent");
    const sent: Sent[] = [];
    expect(await sendOutboxMessage(t.db, id!, recorder(sent), FROM)).toBe("sent");
    expect(await sendOutboxMessage(t.db, id!, recorder(sent), FROM)).toBe("nothing to send (sent)");
    expect(sent).toEqual([
      {
        from: FROM,
        to: "person0@example.test",
        subject: "Subject 0",
        text: "Body 0",
        messageId: `<outbox.${id}@knotwork.test>`,
      },
    ]);
    expect(messageIdFor(id!, FROM)).toBe(`<outbox.${id}@knotwork.test>`);
    expect((await rows([id!]))[0]).toMatchObject({ status: "sent", attempts: 1, sentAt: expect.any(Date) });
  });

  it("marks a message skipped when no transport is configured", async () => {
    const [id] = await queue(1, "test.skipped");
    expect(await sendOutboxMessage(t.db, id!, null, FROM)).toBe("skipped: no SMTP configured");
    expect((await rows([id!]))[0]).toMatchObject({ status: "skipped", sentAt: null });
  });

  it("keeps a failed message pending and rethrows; after the last attempt it is failed", async () => {
    const [id] = await queue(1, "test.failing");
    const failing: Transport = {
      sendMail: async () => {
        throw new Error("smtp down");
      },
    };
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(sendOutboxMessage(t.db, id!, failing, FROM, { attempt, maxAttempts: 3 })).rejects.toThrow();
      expect((await rows([id!]))[0]).toMatchObject({
        attempts: attempt,
        status: attempt < 3 ? "pending" : "failed",
        lastError: "Error",
      });
    }
    // An admin's retry of the dead job sends a failed message after all.
    const sent: Sent[] = [];
    expect(await sendOutboxMessage(t.db, id!, recorder(sent), FROM, { attempt: 4, maxAttempts: 4 })).toBe("sent");
    expect(sent).toHaveLength(1);
  });
});

describe("email.send through the worker", () => {
  it("sends every queued message once, and a failing one is retried by the queue", async () => {
    // Earlier tests' messages are not this test's business.
    await t.db.update(emailOutbox).set({ status: "skipped" }).where(eq(emailOutbox.status, "pending"));
    const ids = await queue(3, "test.worker");
    const sent: string[] = [];
    let failOnce = true;
    const job = {
      ...sendEmailJob,
      run: (db: typeof t.db, p: { outboxId: string }, ctx: Parameters<typeof sendEmailJob.run>[2]) =>
        sendOutboxMessage(
          db,
          p.outboxId,
          {
            sendMail: async (m) => {
              if (m.to === "person1@example.test" && failOnce) {
                failOnce = false;
                throw new Error("mailbox unavailable");
              }
              sent.push(m.to);
            },
          },
          FROM,
          ctx,
        ),
    };
    const registry = makeRegistry([job]);
    const drain = async () => {
      for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry });
    };
    await drain();
    expect(sent.sort()).toEqual(["person0@example.test", "person2@example.test"]);
    // The failed one waits for its backoff; make it due and run again.
    await t.db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(and(eq(jobs.name, "email.send"), eq(jobs.status, "queued")));
    await drain();
    expect(sent.sort()).toEqual(["person0@example.test", "person1@example.test", "person2@example.test"]);
    for (const r of await rows(ids)) expect(r.status).toBe("sent");
  });
});
