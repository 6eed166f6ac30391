import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { config } from "@/lib/config";
import { deliverPending, type Transport } from "@/lib/email/outbox";
import { queueDueReminders } from "./reminders";
import { pruneSecurityRecords } from "@/lib/auth/prune";

let transport: Transport | null | undefined;
function smtp(): Transport | null {
  if (transport === undefined) {
    const url = config().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/**
 * One pass of the background work: queue the reminders that are due, then deliver what is
 * waiting in the outbox (SKIP LOCKED, so several servers may run this at once). All state is
 * in the database, so a pass after a restart picks up exactly where the last one stopped.
 */
export async function runJobsOnce(db: Db, now = new Date()): Promise<{ queued: number; delivered: number }> {
  const queued = await queueDueReminders(db, now);
  let delivered = 0;
  // Batches of 20 until the outbox is empty, with a bound so one pass cannot run forever.
  for (let i = 0; i < 50; i++) {
    const n = await deliverPending(db, smtp(), config().MAIL_FROM);
    delivered += n;
    if (n === 0) break;
  }
  await pruneSecurityRecords(db, now);
  return { queued, delivered };
}
