/**
 * The end-to-end tests' SMS provider: lib/testing/sms-provider.ts (Twilio's Messages API, local)
 * on E2E_SMS_PORT, with the app under test pointed at it through its ordinary TWILIO_* settings.
 * Each accepted text is written as JSON into E2E_SMSDIR, where specs read it, and reported
 * "delivered" to the app's signed status callback a moment later. Run by
 * scripts/test-e2e.sh; it needs no database, so both database modes use it.
 */
import fs from "node:fs";
import path from "node:path";
import { startSmsProvider } from "../lib/testing/sms-provider";

const port = Number(process.env.E2E_SMS_PORT);
const dir = process.env.E2E_SMSDIR;
const accountSid = process.env.TWILIO_ACCOUNT_SID;
const authToken = process.env.TWILIO_AUTH_TOKEN;
if (!port || !dir || !accountSid || !authToken)
  throw new Error("E2E_SMS_PORT, E2E_SMSDIR, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are required");
fs.mkdirSync(dir, { recursive: true });

let count = 0;
void startSmsProvider({
  accountSid,
  authToken,
  port,
  autoDeliver: true,
  onSend: (m) =>
    fs.writeFileSync(path.join(dir, `${String(++count).padStart(5, "0")}-${m.sid}.json`), JSON.stringify(m)),
}).then(() => fs.writeFileSync(path.join(dir, ".ready"), ""));
