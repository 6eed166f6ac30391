import { getPlatformDb } from "@/lib/server-db";
import { handleWebhook } from "@/lib/billing/online/webhook";
import { paymentProvider } from "@/lib/billing/online/provider";

// Stripe's webhook (outside /api: not one of our JSON operations; see lib/billing/online/webhook.ts).
export async function POST(req: Request) {
  return handleWebhook(await getPlatformDb(), paymentProvider(), req);
}
