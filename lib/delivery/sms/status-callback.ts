import "server-only";
import { and, eq, inArray, or, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { statusCallbackUrl } from "./send-job";
import type { SmsProvider } from "./provider";

/**
 * How far along each provider status is (Twilio's MessageStatus values). Callbacks can arrive
 * out of order and more than once: a status only replaces one of a lower rank, so a late "sent"
 * never undoes "delivered", and a replayed callback changes nothing.
 */
const RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
};

/**
 * The provider's delivery-status callback (POST, form-encoded, signed with X-Twilio-Signature over
 * the public URL and the parameters). Not one of our JSON operations: the provider signs the form
 * as sent and expects 2xx for anything it need not resend. A bad signature is 403 and changes
 * nothing; an unknown message or a status already passed is 200 and changes nothing.
 */
export async function handleStatusCallback(
  db: Db,
  provider: SmsProvider | null,
  req: Request,
  options: { baseUrl?: string } = {},
): Promise<Response> {
  if (!provider) return new Response("SMS is not configured.", { status: 404 });
  const form = new URLSearchParams(await req.text());
  const params = Object.fromEntries(form.entries());
  // The URL the provider was given (the configured public origin), never the Host header.
  if (!provider.verifyCallback(statusCallbackUrl(options.baseUrl), params, req.headers.get("x-twilio-signature")))
    return Response.json({ error: { code: "FORBIDDEN", message: "Signature check failed." } }, { status: 403 });
  const sid = params.MessageSid ?? params.SmsSid;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (!sid || !status || !(status in RANK)) return Response.json({ received: true, ignored: true });
  const outcome = await applyDeliveryStatus(db, sid, status, params.ErrorCode ?? null);
  return Response.json({ received: true, outcome });
}

/** Moves one message's delivery status forward (idempotent); "undelivered"/"failed" mark the outbox row failed. */
export async function applyDeliveryStatus(db: Db, providerId: string, status: string, errorCode: string | null) {
  const lower = Object.entries(RANK)
    .filter(([, r]) => r < RANK[status]!)
    .map(([s]) => s);
  const failed = status === "undelivered" || status === "failed";
  const updated = await db
    .update(emailOutbox)
    .set({
      deliveryStatus: status,
      deliveryUpdatedAt: new Date(),
      ...(failed ? { status: "failed" as const, lastError: `SmsUndelivered${errorCode ? `:${errorCode}` : ""}` } : {}),
    })
    .where(
      and(
        eq(emailOutbox.providerMessageId, providerId),
        lower.length
          ? or(isNull(emailOutbox.deliveryStatus), inArray(emailOutbox.deliveryStatus, lower))
          : isNull(emailOutbox.deliveryStatus),
      ),
    )
    .returning({ id: emailOutbox.id });
  if (updated.length) return status;
  const [known] = await db
    .select({ n: sql<number>`1` })
    .from(emailOutbox)
    .where(eq(emailOutbox.providerMessageId, providerId));
  return known ? "unchanged" : "unknown message";
}
