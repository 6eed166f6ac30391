import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { loadActor, type Actor } from "@/lib/identity/actor";
import { can } from "@/lib/identity/scopes";
import { enqueueEmail, recordSkippedEmail } from "@/lib/delivery/email/outbox";
import { conflict, notFound } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/enqueue";
import { documentTitle } from "./document-title";
import { renderInvoicePdf } from "./render-invoice-pdf";
import { renderStatementPdf } from "./render-statement-pdf";
import { getInvoice } from "./invoices/get-invoice";
import { formatMoney } from "./rules/money";
import { documentContact, textDocument } from "./document-channels";

const payload = z.object({
  clinicId: z.uuid(),
  /** Who asked: the PDF is rendered as them, so it shows exactly what they may see. */
  requestedBy: z.uuid(),
  document: z.enum(["invoice", "statement"]),
  invoiceId: z.uuid().nullable(),
  clientId: z.uuid(),
  /** The outbox row the job writes: chosen up front, so a re-run of the job sends one email. */
  outboxId: z.uuid(),
});
type Payload = z.infer<typeof payload>;

const KIND = { invoice: "billing.invoice", statement: "billing.statement" } as const;
/** The front desk's name for a text about a document (the message log shows it for the subject). */
const LABEL = { invoice: "Invoice", statement: "Statement of account" } as const;

/** Checks the client can be reached and queues the job that sends the document, in the caller's transaction. */
export async function queueDocumentEmail(
  tx: Db,
  actor: Actor,
  p: Omit<Payload, "clinicId" | "requestedBy" | "outboxId">,
) {
  const to = await documentContact(tx, actor.clinicId, p.clientId);
  if (!to) throw notFound("That client");
  if (!to.plan.email && to.plan.sms !== true)
    throw conflict("This client has no email address. Add one on their record, then send again.");
  const outboxId = randomUUID();
  await enqueue(
    tx,
    emailDocumentJob,
    { ...p, clinicId: actor.clinicId, requestedBy: actor.userId, outboxId },
    { clinicId: actor.clinicId },
  );
  // Where it goes: the email address, or the mobile number when the client chose texts.
  return { to: to.plan.email ? to.email! : to.number!, outboxId };
}

/** The words around the PDF: short, plain, and nothing the PDF does not already say; `words` for a text. */
async function letter(db: Db, actor: Actor, p: Payload, name: string) {
  if (p.document === "statement") {
    return {
      subject: `Your statement of account from ${actor.clinicName}`,
      text: `Dear ${name},\n\nYour statement of account is attached as a PDF.\n\n${actor.clinicName}\n`,
      words: "your statement of account is ready in your portal",
      path: "/portal/invoices",
    };
  }
  const inv = await getInvoice(db, actor, p.invoiceId!);
  const title = documentTitle(inv);
  const balance =
    inv.kind === "invoice" && inv.balanceMinor > 0
      ? formatMoney(inv.balanceMinor, inv.currency, actor.clinicLocale)
      : null;
  const due = balance ? `\nBalance due: ${balance}.\n` : "";
  return {
    subject: `${title} ${inv.number} from ${inv.businessName}`,
    text: `Dear ${name},\n\nYour ${title.toLowerCase()} ${inv.number} is attached as a PDF.\n${due}\n${inv.businessName}\n`,
    words: `your ${title.toLowerCase()} ${inv.number} is ready${balance ? ` (balance due ${balance})` : ""}`,
    path: `/portal/invoices/${p.invoiceId}`,
  };
}

/**
 * Renders the PDF and queues the email with it attached (job billing.email-document). Runs as
 * the person who asked, reloaded now: someone who lost billing rights meanwhile sends nothing.
 * The address is read now too, so a corrected address is used and a removed one is not.
 */
export async function sendDocumentEmail(
  db: Db,
  p: Payload,
  options: { smsOn?: boolean; baseUrl?: string } = {},
): Promise<string> {
  const actor = await loadActor(db, p.requestedBy, p.clinicId);
  if (!actor || !can(actor, "billing.manage")) return "skipped: the sender no longer has billing rights";
  const kind = KIND[p.document];
  const to = await documentContact(db, p.clinicId, p.clientId, options);
  const mail = to ? await letter(db, actor, p, to.name) : null;
  const texted =
    to && mail
      ? await textDocument(db, to, {
          clinicId: p.clinicId,
          clientId: p.clientId,
          kind,
          label: LABEL[p.document],
          outboxId: p.outboxId,
          words: mail.words,
          clinicName: actor.clinicName,
          path: mail.path,
          baseUrl: options.baseUrl,
        })
      : null;
  if (!to?.plan.email || !to.email || !mail) {
    if (texted && to?.plan.sms === true) return texted;
    await recordSkippedEmail(
      db,
      { clinicId: p.clinicId, subject: kind, kind, clientId: p.clientId },
      "no email address",
    );
    return ["skipped: client has no email", texted].filter(Boolean).join("; ");
  }
  const pdf =
    p.document === "invoice"
      ? await renderInvoicePdf(db, actor, p.invoiceId!)
      : await renderStatementPdf(db, actor, p.clientId);
  const { subject, text } = mail;
  await enqueueEmail(db, {
    id: p.outboxId,
    clinicId: p.clinicId,
    to: to.email,
    kind,
    subject,
    text,
    clientId: p.clientId,
    attachments: [
      {
        filename: pdf.filename,
        contentType: "application/pdf",
        content: pdf.body.toString("base64"),
        encoding: "base64",
      },
    ],
  });
  return ["email queued", texted].filter(Boolean).join("; ");
}

export const emailDocumentJob = defineJob({
  name: "billing.email-document",
  payload,
  maxAttempts: 5,
  run: (db, p) => sendDocumentEmail(db, p),
});
