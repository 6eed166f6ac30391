import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { clients, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { emailDocumentJob, sendDocumentEmail } from "./email-document";
import { emailInvoice } from "./email-invoice";
import { emailStatement } from "./email-statement";
import { createDraftInvoice } from "./invoices/create-draft-invoice";
import { issueInvoice } from "./issue-invoice";
import { draftInvoiceBody } from "./schemas";
import { setUpBilling, type BillingSetup } from "./testing";

const BASE = "https://clinic.example";
let t: TestDb;
let admin: Actor;
let setup: BillingSetup;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  setup = await setUpBilling(t.db, admin);
});
afterAll(() => t?.close());

async function issued(clientId: string) {
  const line = { kind: "service", description: "Treatment", quantity: 1, unitPriceMinor: 6000, taxRateId: setup.vatId };
  const d = await createDraftInvoice(t.db, admin, draftInvoiceBody.parse({ clientId, lines: [line] }));
  return issueInvoice(t.db, admin, d.id, d.version);
}
/** The document job queued last, as the worker would get it. */
async function lastPayload() {
  const rows = await t.db
    .select({ payload: jobs.payload, createdAt: jobs.createdAt })
    .from(jobs)
    .where(and(eq(jobs.name, emailDocumentJob.name), eq(jobs.status, "queued")))
    .orderBy(asc(jobs.createdAt));
  return emailDocumentJob.payload.parse(rows.at(-1)!.payload);
}
const rowsFor = (clientId: string) =>
  t.db
    .select({
      channel: emailOutbox.channel,
      status: emailOutbox.status,
      kind: emailOutbox.kind,
      text: emailOutbox.bodyText,
      to: emailOutbox.toAddress,
      reason: emailOutbox.lastError,
    })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.clientId, clientId), inArray(emailOutbox.kind, ["billing.invoice", "billing.statement"])),
    );
const prefer = (clientId: string, channel: "email" | "sms" | "both") =>
  t.db
    .update(clients)
    .set({ messageChannel: channel, smsConsent: true, smsConsentAt: new Date(), phone: "+44 7700 900321" })
    .where(eq(clients.id, clientId));

describe("invoices and statements follow the client's message preference", () => {
  it("a client who chose texts gets a text linking to the invoice in the portal, not the email; once", async () => {
    const casey = await clientIdByName(t.db, "Casey", "Client"); // has a portal account
    await prefer(casey, "sms");
    const inv = await issued(casey);
    await emailInvoice(t.db, admin, inv.id);
    const payload = await lastPayload();
    expect(await sendDocumentEmail(t.db, payload, { smsOn: true, baseUrl: BASE })).toBe("sms queued");
    // A re-run (a lost lease) sends nothing more.
    expect(await sendDocumentEmail(t.db, payload, { smsOn: true, baseUrl: BASE })).toBe("sms already queued");
    expect(await rowsFor(casey)).toEqual([
      {
        channel: "sms",
        status: "pending",
        kind: "billing.invoice",
        to: "+447700900321",
        reason: null,
        text: `Demo Clinic: your invoice ${inv.number} is ready (balance due £60.00). ${BASE}/portal/invoices/${inv.id}`,
      },
    ]);
  });

  it("without SMS set up, or without a portal account to link to, the email goes and the log says why no text", async () => {
    const casey = await clientIdByName(t.db, "Casey", "Client");
    await t.db.delete(emailOutbox).where(eq(emailOutbox.clientId, casey));
    await emailStatement(t.db, admin, casey);
    expect(await sendDocumentEmail(t.db, await lastPayload(), { smsOn: false })).toBe(
      "email queued; sms skipped: SMS not configured",
    );
    expect((await rowsFor(casey)).map((r) => [r.channel, r.status, r.reason])).toEqual(
      expect.arrayContaining([
        ["email", "pending", null],
        ["sms", "skipped", "SMS not configured"],
      ]),
    );

    const priya = await clientIdByName(t.db, "Priya", "Shah"); // no portal account
    await prefer(priya, "sms");
    const inv = await issued(priya);
    const queued = await emailInvoice(t.db, admin, inv.id);
    expect(queued.to).toBe("priya.shah@example.test");
    expect(await sendDocumentEmail(t.db, await lastPayload(), { smsOn: true })).toBe(
      "email queued; sms skipped: no portal account to link to",
    );
  });

  it("'both' gets the email with the PDF and the text; 'email' only the email", async () => {
    const casey = await clientIdByName(t.db, "Casey", "Client");
    await t.db.delete(emailOutbox).where(eq(emailOutbox.clientId, casey));
    await prefer(casey, "both");
    await emailStatement(t.db, admin, casey);
    expect(await sendDocumentEmail(t.db, await lastPayload(), { smsOn: true, baseUrl: BASE })).toBe(
      "email queued; sms queued",
    );
    const rows = await rowsFor(casey);
    expect(rows.map((r) => r.channel).sort()).toEqual(["email", "sms"]);
    expect(rows.find((r) => r.channel === "sms")!.text).toBe(
      `Demo Clinic: your statement of account is ready in your portal. ${BASE}/portal/invoices`,
    );

    await t.db.delete(emailOutbox).where(eq(emailOutbox.clientId, casey));
    await prefer(casey, "email");
    await emailStatement(t.db, admin, casey);
    expect(await sendDocumentEmail(t.db, await lastPayload(), { smsOn: true })).toBe("email queued");
    expect((await rowsFor(casey)).map((r) => r.channel)).toEqual(["email"]);
  });
});
