import "server-only";
import Stripe from "stripe";
import { config } from "@/lib/config";

/**
 * Online card payments go through a provider behind this interface, so the rest of billing
 * never names Stripe. The Stripe implementation is used only when both STRIPE_SECRET_KEY and
 * STRIPE_WEBHOOK_SECRET are set; without them online payment is hidden everywhere.
 */
export interface CheckoutRequest {
  clinicId: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  currency: string;
  amountMinor: number;
  successUrl: string;
  cancelUrl: string;
}

/** A verified "paid" event from the provider: the session id makes a replay idempotent. */
export interface PaidEvent {
  sessionId: string;
  clinicId: string;
  invoiceId: string;
  clientId: string;
  amountMinor: number;
  currency: string;
}

export interface PaymentProvider {
  createCheckout(req: CheckoutRequest): Promise<{ url: string }>;
  /** Verifies the signature over the raw body; null for events we do not act on. Throws when forged. */
  parseWebhook(rawBody: string, signature: string | null): Promise<PaidEvent | null>;
}

export function onlinePaymentsEnabled(): boolean {
  const c = config();
  return Boolean(c.STRIPE_SECRET_KEY && c.STRIPE_WEBHOOK_SECRET);
}

export class StripeProvider implements PaymentProvider {
  private readonly stripe: Stripe;
  constructor(
    secretKey: string,
    private readonly webhookSecret: string,
  ) {
    this.stripe = new Stripe(secretKey);
  }

  async createCheckout(req: CheckoutRequest) {
    const session = await this.stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            // Stripe amounts are minor units of lower-case ISO codes, as ours are.
            currency: req.currency.toLowerCase(),
            unit_amount: req.amountMinor,
            product_data: { name: `Invoice ${req.invoiceNumber}` },
          },
        },
      ],
      client_reference_id: req.invoiceId,
      metadata: { clinicId: req.clinicId, invoiceId: req.invoiceId, clientId: req.clientId },
      success_url: req.successUrl,
      cancel_url: req.cancelUrl,
    });
    if (!session.url) throw new Error("Stripe returned no Checkout URL");
    return { url: session.url };
  }

  async parseWebhook(rawBody: string, signature: string | null): Promise<PaidEvent | null> {
    const event = await this.stripe.webhooks.constructEventAsync(rawBody, signature ?? "", this.webhookSecret);
    if (event.type !== "checkout.session.completed") return null;
    const s = event.data.object;
    if (s.payment_status !== "paid" || !s.metadata?.invoiceId || !s.metadata.clinicId || !s.metadata.clientId) {
      return null;
    }
    return {
      sessionId: s.id,
      clinicId: s.metadata.clinicId,
      invoiceId: s.metadata.invoiceId,
      clientId: s.metadata.clientId,
      amountMinor: s.amount_total ?? 0,
      currency: (s.currency ?? "").toUpperCase(),
    };
  }
}

/** The configured provider, or null when online payment is off. */
export function paymentProvider(): PaymentProvider | null {
  if (!onlinePaymentsEnabled()) return null;
  const c = config();
  return new StripeProvider(c.STRIPE_SECRET_KEY!, c.STRIPE_WEBHOOK_SECRET!);
}
