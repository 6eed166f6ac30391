import { and, eq } from "drizzle-orm";
import { appointments, invoices } from "@/db/schema";
import { createProduct } from "@/lib/billing/catalogue/create-product";
import { createTaxRate } from "@/lib/billing/catalogue/create-tax-rate";
import { setPrice } from "@/lib/billing/catalogue/set-price";
import { createDraftInvoice } from "@/lib/billing/invoices/create-draft-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { recordPayment } from "@/lib/billing/payments/record-payment";
import { draftInvoiceBody } from "@/lib/billing/schemas";
import { paymentBody } from "@/lib/billing/payment-schemas";
import { actorFor, clientIdByName } from "./db";
import type { FixtureModule } from "./authz-fixture-module";

/**
 * Fixtures for the billing routes. Casey (the Demo portal client) has £10.00 on account (paid
 * before anything was invoiced, so `applyCredit` and `refundPayment` have credit to use), an
 * issued £60.00 invoice (invoiceId, myInvoiceId), another to email (emailInvoiceId) and a draft (draftInvoiceId). A completed
 * appointment of Priya's waits to be invoiced. Billing settings are left unsaved in both
 * clinics, so the example body's version 1 is current for every admin.
 */
export const billingFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const admin = await actorFor(db, "admin@demo.test");
    const casey = await clientIdByName(db, "Casey", "Client");
    const vat = await createTaxRate(db, admin, { name: "VAT 20%", rateBp: 2000 });
    const price = await setPrice(db, admin, {
      typeId: base.typeId!,
      therapistUserId: null,
      amountMinor: 6000,
      taxRateId: vat.id,
      procedureCode: null,
    });
    const product = await createProduct(db, admin, {
      name: "Massage ball",
      sku: null,
      priceMinor: 899,
      taxRateId: vat.id,
    });
    const payment = await recordPayment(
      db,
      admin,
      paymentBody.parse({ clientId: casey, method: "cash", amountMinor: 1000 }),
    );
    const line = { kind: "service", description: "Treatment", quantity: 1, unitPriceMinor: 6000, taxRateId: vat.id };
    const issued = await createDraftInvoice(db, admin, draftInvoiceBody.parse({ clientId: casey, lines: [line] }));
    await issueInvoice(db, admin, issued.id, issued.version);
    const draft = await createDraftInvoice(db, admin, draftInvoiceBody.parse({ clientId: casey, lines: [line] }));
    // emailInvoice's own: the walk's voidInvoice voids the shared one, and a void invoice is not sent (409).
    const toEmail = await createDraftInvoice(db, admin, draftInvoiceBody.parse({ clientId: casey, lines: [line] }));
    await issueInvoice(db, admin, toEmail.id, toEmail.version);
    // Its own day: the public booking fixture's waiting request holds 2031-10-01 09:00–10:00.
    const start = new Date("2031-11-04T09:00:00Z");
    const end = new Date("2031-11-04T10:00:00Z");
    const [appt] = await db
      .insert(appointments)
      .values({
        clinicId: admin.clinicId,
        clientId: base.clientId!,
        therapistUserId: base.therapistId!,
        typeId: base.typeId!,
        startsAt: start,
        endsAt: end,
        blocksUntil: end,
        status: "completed",
        createdBy: admin.userId,
      })
      .returning({ id: appointments.id });
    return {
      caseyClientId: casey,
      taxRateId: vat.id,
      priceId: price.id,
      productId: product.id,
      paymentId: payment.id,
      invoiceId: issued.id,
      myInvoiceId: issued.id,
      draftInvoiceId: draft.id,
      emailInvoiceId: toEmail.id,
      completedAppointmentId: appt!.id,
    };
  },
  paramOverrides: {
    updateInvoice: { invoiceId: "draftInvoiceId" },
    deleteInvoice: { invoiceId: "draftInvoiceId" },
    issueInvoice: { invoiceId: "draftInvoiceId" },
    emailInvoice: { invoiceId: "emailInvoiceId" },
    emailStatement: { clientId: "caseyClientId" },
    invoiceAppointment: { appointmentId: "completedAppointmentId" },
    getAppointmentInvoice: { appointmentId: "completedAppointmentId" },
    getClientAccount: { clientId: "caseyClientId" },
    clientStatementPdf: { clientId: "caseyClientId" },
  },
  dynamicBodies: {
    createInvoice: {
      refersToDemo: true,
      make: async (w) => ({
        clientId: w.params.clientId,
        lines: [{ kind: "product", description: "Massage ball", quantity: 1, unitPriceMinor: 899 }],
      }),
    },
    recordPayment: {
      refersToDemo: true,
      make: async (w) => ({ clientId: w.params.clientId, method: "card", amountMinor: 2500 }),
    },
    refundPayment: {
      refersToDemo: true,
      make: async (w) => ({ clientId: w.params.caseyClientId, method: "cash", amountMinor: 500 }),
    },
    setPrice: {
      refersToDemo: true,
      make: async (w) => ({ typeId: w.params.typeId, therapistUserId: null, amountMinor: 7000 }),
    },
    setRegistration: {
      refersToDemo: true,
      make: async (w) => ({ userId: w.params.therapistId, registrationNumber: "CNHC 012345" }),
    },
    voidInvoice: {
      make: async (w) => {
        const [inv] = await w.db
          .select({ version: invoices.version })
          .from(invoices)
          .where(and(eq(invoices.clinicId, w.demoClinicId), eq(invoices.id, w.params.invoiceId!)));
        return { version: inv?.version ?? 1, reason: "Entered twice" };
      },
    },
  },
};
