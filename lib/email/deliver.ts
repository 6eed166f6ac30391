import "server-only";
import nodemailer from "nodemailer";
import { getDb } from "@/db";
import { config } from "@/lib/config";
import { deliverPending, type Transport } from "./outbox";

let transport: Transport | null | undefined;
function smtp(): Transport | null {
  if (transport === undefined) {
    const url = config().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/**
 * Sends what is waiting in the outbox, after the request that queued it has committed.
 * Without SMTP settings mail stays readable in the outbox (marked "skipped"), which is how
 * development and the demo work: links are also shown in the UI to copy.
 */
export function kickOutbox(): void {
  void (async () => {
    try {
      await deliverPending(await getDb(), smtp(), config().MAIL_FROM);
    } catch (err) {
      console.error(`[knotwork] outbox delivery failed: ${err instanceof Error ? err.name : "error"}`);
    }
  })();
}
