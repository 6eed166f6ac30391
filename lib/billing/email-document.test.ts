import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { auditEvents, clients, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { sendEmailJob, sendOutboxMessage } from "@/lib/delivery/email/send-job";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { startInbox } from "@/lib/testing/mail-inbox";
import { emailDocumentJob, sendDocumentEmail } from "./email-document";
import { emailInvoice } from "./email-invoice";
import { emailStatement } from "./email-statement";
import { createDraftInvoice } from "./invoices/create-draft-invoice";
import { issueInvoice } from "./issue-invoice";
import { recordPayment } from "./payments/record-payment";
import { draftInvoiceBody } from "./schemas";
import { paymentBody } from "./payment-schemas";
import { setUpBilling, type BillingSetup } from "./testing";

const FROM = "Demo Clinic <no-reply@knotwork.test>";
let t: TestDb;
let admin: Actor;
let setup: BillingSetup;
let inbox: Awaited<ReturnType<typeof startInbox>>;

/** The real document job, and email.send pointed at the local SMTP server. */
const registry = () =>
  makeRegistry([
    emailDocumentJob,
    {
      ...sendEmailJob,
      run: (db, { outboxId }, ctx) => sendOutboxMessage(db, outboxId, inbox.transport, FROM, ctx),
    } as typeof sendEmailJob,
  ]);

async function runJobs() {
  for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry: registry() });
}

async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return pages.join("\n");
}

async function newClient(email: string | null) {
  const [row] = await t.db
    .insert(clients)
    .values({ clinicId: admin.clinicId, firstName: "Maëlle", lastName: "Durand", email })
    .returning({ id: clients.id });
  return row!.id;
}

async function issued(clientId: string) {
  const line = { kind: "service", description: "Treatment", quantity: 1, unitPriceMinor: 6000, taxRateId: setup.vatId };
  const d = await createDraftInvoice(t.db, admin, draftInvoiceBody.parse({ clientId, lines: [line] }));
  return issueInvoice(t.db, admin, d.id, d.version);
}

beforeAll(async () => {
  t = await freshDb();
  inbox = await startInbox();
  admin = await actorFor(t.db, "admin@demo.test");
  setup = await setUpBilling(t.db, admin);
});
afterAll(async () => {
  await inbox?.close();
  await t?.close();
});

describe("email an invoice or statement to the client", () => {
  it("a part-paid invoice arrives over SMTP with its PDF attached, readable by pdf.js", async () => {
    const clientId = await newClient("maelle@example.test");
    const inv = await issued(clientId);
    await recordPayment(
      t.db,
      admin,
      paymentBody.parse({
        clientId,
        method: "cash",
        amountMinor: 2000,
        allocations: [{ invoiceId: inv.id, amountMinor: 2000 }],
      }),
    );
    const queued = await emailInvoice(t.db, admin, inv.id);
    expect(queued.to).toBe("maelle@example.test");
    const [audit] = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invoice.emailed"), eq(auditEvents.entityId, inv.id)));
    expect(audit?.details).toMatchObject({ clientId, number: inv.number });

    await runJobs();
    const mails = (await inbox.read()).filter((m) => m.subject?.includes(inv.number!));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("maelle@example.test");
    expect(mail.text).toContain("Balance due: £40.00");
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.filename).toBe(`invoice-${inv.number}.pdf`);
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf.content);
    expect(text).toContain(inv.number!);
    expect(text).toContain("£40.00");
    const [row] = await t.db
      .select({ status: emailOutbox.status, clientId: emailOutbox.clientId })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, queued.outboxId));
    expect(row).toEqual({ status: "sent", clientId });
  });

  it("a re-run of the job (a lost lease) queues no second email", async () => {
    const clientId = await newClient("again@example.test");
    const inv = await issued(clientId);
    const queued = await emailInvoice(t.db, admin, inv.id);
    const [job] = await t.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.name, emailDocumentJob.name), eq(jobs.status, "queued")));
    const payload = emailDocumentJob.payload.parse(job!.payload);
    expect(await sendDocumentEmail(t.db, payload)).toBe("email queued");
    expect(await sendDocumentEmail(t.db, payload)).toBe("email queued");
    const rows = await t.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "again@example.test"));
    expect(rows.map((r) => r.id)).toEqual([queued.outboxId]);
    await runJobs();
  });

  it("a paid invoice goes as a receipt, the statement as a statement", async () => {
    const clientId = await newClient("paid@example.test");
    const inv = await issued(clientId);
    await recordPayment(t.db, admin, paymentBody.parse({ clientId, method: "card", amountMinor: 6000 }));
    await emailInvoice(t.db, admin, inv.id);
    await emailStatement(t.db, admin, clientId);
    await runJobs();
    const mails = (await inbox.read()).filter((m) => m.to && "text" in m.to && m.to.text.includes("paid@example.test"));
    const receipt = mails.find((m) => m.subject === `Receipt ${inv.number} from Knotwork Demo Clinic Ltd`);
    expect(receipt?.attachments[0]?.filename).toBe(`receipt-${inv.number}.pdf`);
    expect(await pdfText(receipt!.attachments[0]!.content)).toContain(`Receipt ${inv.number}`);
    const statement = mails.find((m) => m.subject?.startsWith("Your statement of account"));
    expect(await pdfText(statement!.attachments[0]!.content)).toContain("Statement of account");
  });

  it("refuses a draft, a client without an address, and another clinic's invoice", async () => {
    const noMail = await newClient(null);
    const inv = await issued(noMail);
    await expect(emailInvoice(t.db, admin, inv.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(emailStatement(t.db, admin, noMail)).rejects.toMatchObject({ code: "CONFLICT" });
    const withMail = await newClient("draft@example.test");
    const line = { kind: "service", description: "Treatment", quantity: 1, unitPriceMinor: 6000 };
    const draft = await createDraftInvoice(t.db, admin, draftInvoiceBody.parse({ clientId: withMail, lines: [line] }));
    await expect(emailInvoice(t.db, admin, draft.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    await expect(emailInvoice(t.db, other, inv.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const therapist = await actorFor(t.db, "therapist@demo.test");
    await expect(emailInvoice(t.db, therapist, inv.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
