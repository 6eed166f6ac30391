import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { SentSms } from "../lib/testing/sms-provider";

/** Texts the e2e SMS provider accepted (e2e/sms-catcher.ts), oldest first. */
function all(): SentSms[] {
  const dir = process.env.E2E_SMSDIR;
  if (!dir) throw new Error("E2E_SMSDIR is not set: run the e2e tests with scripts/test-e2e.sh");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as SentSms);
}

/** Every text sent to this E.164 number so far. */
export const textsTo = (number: string) => all().filter((m) => m.to === number);

/** The newest text to this E.164 number, waiting for it to arrive. */
export async function smsTo(number: string, timeout = 30_000): Promise<SentSms> {
  await expect.poll(() => textsTo(number).length, { message: `a text to ${number}`, timeout }).toBeGreaterThan(0);
  return textsTo(number).at(-1)!;
}

/** A UK mobile number no other spec uses (07400 range: valid mobile numbers in Google's numbering data). */
export function uniqueMobile(): { local: string; e164: string } {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  return { local: `07400 ${digits}`, e164: `+447400${digits}` };
}
