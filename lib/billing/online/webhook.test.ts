import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { and, eq } from "drizzle-orm";
import { payments } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createDraftInvoice } from "../invoices/create-draft-invoice";
import { issueInvoice } from "../issue-invoice";
import { getInvoice } from "../invoices/get-invoice";
import { draftInvoiceBody } from "../schemas";
import { setUpBilling } from "../testing";
import { StripeProvider } from "./provider";
import { handleWebhook } from "./webhook";
import { startCheckout } from "./online-payments";

const SECRET = "whsec_test_knotwork";
const provider = new StripeProvider("sk_test_knotwork_no_network", SECRET);
const stripe = new Stripe("sk_test_knotwork_no_network");

let t: TestDb;
let admin: Actor;
let casey: Actor;
let invoiceId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  casey = await actorFor(t.db, "client@demo.test");
  const { vatId } = await setUpBilling(t.db, admin);
  const d = await createDraftInvoice(
    t.db,
    admin,
    draftInvoiceBody.parse({
      clientId: casey.clientId,
      lines: [{ kind: "service", description: "Treatment", quantity: 1, unitPriceMinor: 6000, taxRateId: vatId }],
    }),
  );
  invoiceId = (await issueInvoice(t.db, admin, d.id, d.version)).id;
});
afterAll(() => t.close());

/** A checkout.session.completed event signed as Stripe signs it, built by the SDK's own test helper. */
function signedRequest(sessionId: string, amount: number, secret = SECRET) {
  const payload = JSON.stringify({
    id: `evt_${sessionId}`,
    object: "event",
    type: "checkout.session.completed",
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        payment_status: "paid",
        amount_total: amount,
        currency: "gbp",
        metadata: { clinicId: admin.clinicId, invoiceId, clientId: casey.clientId },
      },
    },
  });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request("http://knotwork.test/webhooks/stripe", {
    method: "POST",
    headers: { "stripe-signature": header, "content-type": "application/json" },
    body: payload,
  });
}

const onlinePayments = () =>
  t.db
    .select({ id: payments.id, amount: payments.amountMinor })
    .from(payments)
    .where(and(eq(payments.clinicId, admin.clinicId), eq(payments.method, "online")));

describe("Stripe webhook", () => {
  it("refuses a forged or re-signed payload and changes nothing", async () => {
    const forged = await handleWebhook(t.db, provider, signedRequest("cs_forged", 6000, "whsec_someone_else"));
    expect(forged.status).toBe(400);
    const tampered = signedRequest("cs_tampered", 6000);
    const body = (await tampered.text()).replace("6000", "1");
    const res = await handleWebhook(
      t.db,
      provider,
      new Request(tampered.url, { method: "POST", headers: tampered.headers, body }),
    );
    expect(res.status).toBe(400);
    expect(await onlinePayments()).toEqual([]);
  });

  it("marks the invoice paid once, however often the event is delivered", async () => {
    const first = await handleWebhook(t.db, provider, signedRequest("cs_test_1", 6000));
    expect(await first.json()).toEqual({ received: true, outcome: "recorded" });
    const [again, parallel] = await Promise.all([
      handleWebhook(t.db, provider, signedRequest("cs_test_1", 6000)),
      handleWebhook(t.db, provider, signedRequest("cs_test_1", 6000)),
    ]);
    expect((await again.json()).outcome).toBe("duplicate");
    expect((await parallel.json()).outcome).toBe("duplicate");
    expect(await onlinePayments()).toHaveLength(1);
    expect((await getInvoice(t.db, admin, invoiceId)).status).toBe("paid");
  });

  it("without a provider the webhook is absent and checkout answers no URL", async () => {
    expect((await handleWebhook(t.db, null, signedRequest("cs_x", 1))).status).toBe(404);
    expect(await startCheckout(t.db, casey, invoiceId, null, "http://knotwork.test")).toEqual({ url: null });
  });
});
