import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { emailOutbox, jobs } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { startInbox, type Inbox } from "@/lib/testing/mail-inbox";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { enqueueEmail } from "./outbox";
import { sendEmailJob, sendOutboxMessage } from "./send-job";

/**
 * A real SMTP server that refuses some recipients, and nodemailer's real transport: a 5xx refusal
 * ("no such mailbox") is final, so the job gives up at once for an admin to see; a 4xx ("try
 * later") is retried by the queue.
 */
let t: TestDb;
let inbox: Inbox;
beforeAll(async () => {
  t = await freshDb();
  inbox = await startInbox({
    refuse(address) {
      const local = address.split("@")[0]!;
      if (local.startsWith("gone")) return [550, "5.1.1 No such mailbox here"];
      if (local.startsWith("busy")) return [451, "4.3.0 Try again later"];
    },
  });
});
afterAll(async () => {
  await inbox?.close();
  await t?.close();
});

describe("a mail server's refusal", () => {
  it("gives up at once on a 5xx and retries a 4xx later", async () => {
    const { transport } = inbox;
    const registry = makeRegistry([
      { ...sendEmailJob, run: (db, p, ctx) => sendOutboxMessage(db, p.outboxId, transport, "a@knotwork.test", ctx) },
    ]);
    const ids: Record<string, string> = {};
    for (const to of ["gone@example.test", "busy@example.test", "fine@example.test"])
      ids[to] = await enqueueEmail(t.db, { clinicId: null, to, subject: "Hello", text: "Body", kind: "test.refusal" });
    while ((await runDueJobs(t.db, { registry })) > 0);

    const outbox = new Map(
      (
        await t.db
          .select()
          .from(emailOutbox)
          .where(inArray(emailOutbox.id, Object.values(ids)))
      ).map((r) => [r.toAddress, r]),
    );
    expect(outbox.get("gone@example.test")).toMatchObject({ status: "failed", attempts: 1, lastError: "MailRefused" });
    expect(outbox.get("busy@example.test")).toMatchObject({ status: "pending", attempts: 1 });
    expect(outbox.get("fine@example.test")).toMatchObject({ status: "sent" });

    const byOutbox = new Map(
      (
        await t.db
          .select()
          .from(jobs)
          .where(inArray(jobs.dedupeKey, Object.values(ids)))
      ).map((j) => [j.dedupeKey, j]),
    );
    const gone = byOutbox.get(ids["gone@example.test"]!)!;
    expect(gone).toMatchObject({ status: "dead", attempts: 1 });
    expect(gone.lastError).toMatch(
      /^MailRefused: The mail server refused the message: 550 5\.1\.1 No such mailbox here/,
    );
    expect(byOutbox.get(ids["busy@example.test"]!)).toMatchObject({ status: "queued", attempts: 1 });
    expect(byOutbox.get(ids["busy@example.test"]!)!.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});
