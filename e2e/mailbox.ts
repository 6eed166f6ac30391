import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

/** A message the e2e mail server accepted (e2e/mail-catcher.ts), as mailparser read it. */
export type CaughtMail = {
  to: string[];
  from: string | null;
  messageId: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
  receivedAt: string;
};

function maildir(): string {
  const dir = process.env.E2E_MAILDIR;
  if (!dir) throw new Error("E2E_MAILDIR is not set: run the e2e tests with scripts/test-e2e.sh");
  return dir;
}

function all(): CaughtMail[] {
  const dir = maildir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CaughtMail);
}

/** The newest message to this address (whose subject matches, if given), waiting for it to arrive. */
export async function mailTo(address: string, subject?: RegExp, timeout = 30_000): Promise<CaughtMail> {
  const want = address.toLowerCase();
  const find = () =>
    all()
      .filter((m) => m.to.includes(want) && (!subject || subject.test(m.subject)))
      .at(-1);
  await expect.poll(() => find() !== undefined, { message: `an email to ${address}`, timeout }).toBe(true);
  return find()!;
}

/** Every message to this address received so far, oldest first (to count them: "exactly one"). */
export function mailsTo(address: string): CaughtMail[] {
  const want = address.toLowerCase();
  return all().filter((m) => m.to.includes(want));
}

/** Tells the e2e mail server to accept mail for this local part from now on. */
export function acceptMailFor(address: string): void {
  fs.writeFileSync(path.join(maildir(), `accept-${address.split("@")[0]!.toLowerCase()}`), "");
}
