import "server-only";
import type { Db } from "@/db/client";
import { applyPaidEvent } from "./online-payments";
import type { PaymentProvider } from "./provider";

/**
 * The provider's webhook. Not one of our API operations: the provider signs the raw body (so it
 * must not be parsed first), and it expects 2xx for anything it need not retry. A bad signature
 * is 400 and changes nothing; a replayed event is 200 and changes nothing.
 */
export async function handleWebhook(db: Db, provider: PaymentProvider | null, req: Request): Promise<Response> {
  if (!provider) return new Response("Online payments are not configured.", { status: 404 });
  const raw = await req.text();
  let event;
  try {
    event = await provider.parseWebhook(raw, req.headers.get("stripe-signature"));
  } catch {
    return Response.json({ error: { code: "INVALID", message: "Signature check failed." } }, { status: 400 });
  }
  if (!event) return Response.json({ received: true, ignored: true });
  const outcome = await applyPaidEvent(db, event);
  return Response.json({ received: true, outcome });
}
