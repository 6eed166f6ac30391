import { getPlatformDb } from "@/lib/server-db";
import { handleStatusCallback } from "@/lib/delivery/sms/status-callback";
import { smsProvider } from "@/lib/delivery/sms/provider";

// The SMS provider's delivery callback (outside /api: a signed form post, not one of our JSON operations).
export async function POST(req: Request) {
  return handleStatusCallback(await getPlatformDb(), smsProvider(), req);
}
