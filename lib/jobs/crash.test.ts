/**
 * The crash test: the real `npm run worker` process (tsx) against a PostgreSQL test database and
 * a local SMTP server (smtp-server). 200 emails are queued, the worker is killed with SIGKILL
 * (its whole process group: npm, tsx, node) in the middle of the batch, a second worker starts,
 * and every message must arrive: 0 lost. Duplicates: a message the SMTP server accepted just
 * before the kill, but whose outbox row was not yet marked sent, is sent again by the second
 * worker with the same Message-ID (README: Background jobs); deduplicated by Message-ID there
 * are 0 duplicates, and the raw copies are bounded by the jobs in flight at the kill.
 * Needs a server database (TEST_DATABASE_URL): PGlite cannot be shared between processes.
 * No fixed sleeps: every wait is on a condition, with generous limits for a busy 2-core machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { emailOutbox, jobs } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { messageIdFor } from "@/lib/delivery/email/transport";
import { startInbox, type Inbox } from "@/lib/testing/mail-inbox";

const MESSAGES = 200;
const CONCURRENCY = 5;
const FROM = "Knotwork <no-reply@crash.test>";

let t: TestDb;
let smtp: Inbox;
/** Every message the SMTP server accepted, in order: its Message-ID. */
const received: string[] = [];
const children: ChildProcess[] = [];
let beforeReply: ((messageId: string) => void) | undefined;

beforeAll(async () => {
  t = await freshDb();
  smtp = await startInbox({
    async beforeReply(message) {
      const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(message.toString("utf8"))?.[1] ?? "none";
      // A little latency, as a real server has, so several sends are in flight at any time.
      await new Promise((resolve) => setTimeout(resolve, 15));
      received.push(id);
      // The test's hook runs after the server has the message and before it answers 250:
      // the worst moment for the sender to die.
      beforeReply?.(id);
    },
  });
});

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode || !c.pid) continue;
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  await smtp?.close();
  await t?.close();
});

function startWorker(): ChildProcess {
  const child = spawn("npm", ["run", "--silent", "worker"], {
    cwd: process.cwd(),
    // Its own process group, so SIGKILL reaches npm, tsx and the node process running the loop.
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      KNOTWORK_MIGRATE: "off",
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: FROM,
      KNOTWORK_WORKER_CONCURRENCY: String(CONCURRENCY),
    },
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve()),
  );

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(process.env.TEST_DATABASE_URL)("kill -9 of npm run worker mid-batch", () => {
  it("loses no message and, deduplicated by Message-ID, sends none twice", { timeout: 600_000 }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      ids.push(
        await enqueueEmail(t.db, {
          clinicId: null,
          to: `crash${i}@example.test`,
          subject: `Crash test ${i}`,
          text: `Message ${i}`,
          kind: "test.crash",
        }),
      );
    }
    const expected = new Set(ids.map((id) => messageIdFor(id, FROM)));
    const ours = () => received.filter((m) => expected.has(m));

    // Kill -9 the first worker (npm, tsx and node) while the server holds the 40th message
    // unanswered: the server has it, the worker never learns, so its row is not marked sent.
    const first = startWorker();
    let killedDuring: string | undefined;
    beforeReply = (id) => {
      if (killedDuring || !expected.has(id) || ours().length < 40) return;
      killedDuring = id;
      process.kill(-first.pid!, "SIGKILL");
    };
    await until("the first worker to be killed at the 40th message", () => killedDuring !== undefined, 180_000);
    await exited(first);
    const atKill = ours().length;
    expect(atKill).toBeLessThan(MESSAGES);
    const inFlight = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(eq(jobs.name, "email.send"), eq(jobs.status, "running")));

    // The dead worker's leases would run out after the longest job timeout + 30 s; move the
    // clock for them instead of waiting (what the passage of that time does, nothing more).
    await t.db.execute(sql`update jobs set locked_until = now() - interval '1 second' where status = 'running'`);

    const second = startWorker();
    const sent = () =>
      t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(emailOutbox)
        .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "sent")));
    await until("every message marked sent", async () => (await sent())[0]!.n === MESSAGES, 300_000);
    // SIGTERM to the group: the worker finishes the jobs in hand, then exits.
    process.kill(-second.pid!, "SIGTERM");
    await exited(second);

    const got = ours();
    const distinct = new Set(got);
    // 0 lost: every queued message reached the SMTP server.
    expect([...expected].filter((m) => !distinct.has(m))).toEqual([]);
    // 0 duplicated once deduplicated by Message-ID (what receivers do); the raw copies come only
    // from jobs that were in flight at the kill.
    expect(distinct.size).toBe(MESSAGES);
    const copies = got.length - distinct.size;
    expect(copies).toBeLessThanOrEqual(Math.max(inFlight[0]!.n, CONCURRENCY));
    // The message the server held at the kill was sent again, with the same Message-ID: the
    // at-least-once window the README describes, closed by deduplication at the receiver.
    expect(got.filter((m) => m === killedDuring)).toHaveLength(2);
    const unfinished = await t.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, "email.send"),
          inArray(sql`${jobs.payload}->>'outboxId'`, ids),
          inArray(jobs.status, ["queued", "running", "dead"]),
        ),
      );
    // Nothing left running either: the second worker finished what it held before exiting.
    expect(unfinished).toEqual([]);
    console.log(
      `[crash test] killed after ${atKill}/${MESSAGES} accepted, ${inFlight[0]!.n} jobs in flight; ` +
        `received ${got.length} messages, ${distinct.size} distinct Message-IDs, ${copies} resent copies`,
    );
  });
});
