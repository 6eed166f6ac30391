import "server-only";
import { config } from "@/lib/config";

/** SMS is on when the Twilio account, token and sender are configured (lib/config-schema.ts checks they come together). */
export function smsEnabled(): boolean {
  const c = config();
  return Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && c.TWILIO_FROM_NUMBER);
}
