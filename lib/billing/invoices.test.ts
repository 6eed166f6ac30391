import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvents, invoiceLines, invoices } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createDraftInvoice } from "./invoices/create-draft-invoice";
import { deleteDraftInvoice } from "./invoices/delete-draft-invoice";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { updateDraftInvoice } from "./invoices/update-draft-invoice";
import { issueInvoice } from "./issue-invoice";
import { voidInvoice } from "./void-invoice";
import { getInvoice } from "./invoices/get-invoice";
import { listInvoices } from "./invoices/list-invoices";
import { draftInvoiceBody } from "./schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";
import { setAppointmentStatus } from "@/lib/scheduling/appointments/set-appointment-status";
import { getBillingSettings } from "./settings/get-billing-settings";
import { updateBillingSettings } from "./settings/update-billing-settings";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let casey: Actor;
let other: Actor;
let priya: string;
let caseyId: string;
let setup: BillingSetup;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  casey = await actorFor(t.db, "client@demo.test");
  other = await actorFor(t.db, "admin@other.test", "other-clinic");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  caseyId = casey.clientId!;
  setup = await setUpBilling(t.db, admin);
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

const draft = (clientId = priya, unitPriceMinor = 4500) =>
  createDraftInvoice(
    t.db,
    admin,
    draftInvoiceBody.parse({
      clientId,
      lines: [{ kind: "product", description: "Massage ball", quantity: 2, unitPriceMinor, taxRateId: setup.vatId }],
    }),
  );

describe("invoices", () => {
  it("drafts from a completed appointment with one click, the same invoice on a second (or parallel) click", async () => {
    const appt = await completedAppointment(t.db, admin, setup, priya, tara.userId);
    const [a, b] = await Promise.all([invoiceAppointment(t.db, admin, appt), invoiceAppointment(t.db, admin, appt)]);
    expect(a.id).toBe(b.id);
    expect(a.status).toBe("draft");
    expect(a.lines).toMatchObject([
      { description: "Treatment 60", procedureCode: "97140", unitPriceMinor: 6000, taxMinor: 1000, totalMinor: 6000 },
    ]);
    expect(a.serviceDate).toBe("2026-11-02");
    expect((await invoiceAppointment(t.db, admin, appt)).id).toBe(a.id);
  });

  it("drafts automatically on completion when the clinic chooses it (even when a therapist completes it)", async () => {
    const s = await getBillingSettings(t.db, admin);
    await updateBillingSettings(t.db, admin, { ...s, autoInvoice: true });
    const appt = await completedAppointment(t.db, admin, setup, priya, tara.userId, undefined, "arrived");
    await setAppointmentStatus(t.db, tara, appt, { status: "completed", version: 1 });
    const [row] = await t.db
      .select({ status: invoices.status, total: invoices.totalMinor })
      .from(invoices)
      .where(and(eq(invoices.clinicId, admin.clinicId), eq(invoices.appointmentId, appt)));
    expect(row).toEqual({ status: "draft", total: 6000 });
    await updateBillingSettings(t.db, admin, { ...s, autoInvoice: false, version: s.version + 1 });
  });

  it("issues with the business, therapist and client details printed, and locks the paper", async () => {
    const appt = await completedAppointment(t.db, admin, setup, priya, tara.userId);
    const d = await invoiceAppointment(t.db, admin, appt);
    const edited = await updateDraftInvoice(t.db, admin, d.id, {
      therapistUserId: tara.userId,
      serviceDate: d.serviceDate,
      lines: [
        { ...d.lines[0]! },
        {
          kind: "discount",
          description: "Loyalty",
          quantity: 1,
          unitPriceMinor: -500,
          discountBp: 0,
          taxRateId: setup.vatId,
          productId: null,
          procedureCode: null,
        },
      ],
      diagnosisCodes: ["M79.1"],
      notes: "",
      version: d.version,
    });
    expect(edited.totalMinor).toBe(5500);
    const issued = await issueInvoice(t.db, admin, d.id, edited.version);
    expect(issued).toMatchObject({
      status: "issued",
      businessName: "Knotwork Demo Clinic Ltd",
      taxNumber: "GB123456789",
      diagnosisCodes: ["M79.1"],
      clientName: "Priya Shah",
      balanceMinor: 5500,
    });
    expect(issued.number).toMatch(/^INV-\d+$/);
    expect(issued.therapistName).toBeTruthy();
    // The application refuses, with a 409 …
    expect((await failure(updateDraftInvoice(t.db, admin, d.id, { ...edited, version: issued.version })))?.code).toBe(
      "CONFLICT",
    );
    expect((await failure(deleteDraftInvoice(t.db, admin, d.id, issued.version)))?.code).toBe("CONFLICT");
    // … and so does the database itself, whatever the caller.
    const direct = (q: Promise<unknown>) =>
      q.then(
        () => "ok",
        (e) => sqlState(e),
      );
    const byId = and(eq(invoices.clinicId, admin.clinicId), eq(invoices.id, d.id));
    expect(await direct(t.db.update(invoices).set({ totalMinor: 1 }).where(byId))).toBe("55000");
    expect(await direct(t.db.update(invoices).set({ clientName: "Someone else" }).where(byId))).toBe("55000");
    expect(await direct(t.db.update(invoices).set({ status: "draft", number: null }).where(byId))).toBe("55000");
    expect(await direct(t.db.delete(invoices).where(byId))).toBe("55000");
    expect(
      await direct(t.db.update(invoiceLines).set({ unitPriceMinor: 1 }).where(eq(invoiceLines.invoiceId, d.id))),
    ).toBe("55000");
    expect(await direct(t.db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, d.id)))).toBe("55000");
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, d.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["invoice.drafted", "invoice.draft_updated", "invoice.issued"]),
    );
  });

  it("numbers 50 invoices issued at once 1..50 with no gap or duplicate (a clinic's first 50)", async () => {
    // Other Clinic has issued nothing yet, so its numbers must be exactly 1..50.
    await setUpBilling(t.db, other);
    const otherClient = await clientIdByName(t.db, "Olivia", "Other", "other-clinic");
    const drafts = [];
    for (let i = 0; i < 50; i++) {
      drafts.push(
        await createDraftInvoice(
          t.db,
          other,
          draftInvoiceBody.parse({
            clientId: otherClient,
            lines: [{ kind: "other", description: "Fee", quantity: 1, unitPriceMinor: 1000 + i }],
          }),
        ),
      );
    }
    const issued = await Promise.all(drafts.map((d) => issueInvoice(t.db, other, d.id, d.version)));
    const numbers = issued.map((i) => Number(i.number!.slice(4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("a rolled-back issue gives its number back", async () => {
    const a = await draft();
    const b = await draft();
    const ia = await issueInvoice(t.db, admin, a.id, a.version);
    // A stale version fails inside the transaction after nothing was taken; then the next issue follows on.
    expect((await failure(issueInvoice(t.db, admin, b.id, b.version + 7)))?.code).toBe("CONFLICT");
    const ib = await issueInvoice(t.db, admin, b.id, b.version);
    expect(Number(ib.number!.slice(4))).toBe(Number(ia.number!.slice(4)) + 1);
  });

  it("voids an unpaid issued invoice, keeping its number; refuses an empty draft's issue", async () => {
    const d = await draft();
    const i = await issueInvoice(t.db, admin, d.id, d.version);
    const v = await voidInvoice(t.db, admin, d.id, i.version, "Entered twice");
    expect(v).toMatchObject({ status: "void", number: i.number, voidReason: "Entered twice", balanceMinor: 0 });
    expect((await failure(voidInvoice(t.db, admin, d.id, v.version, "again")))?.code).toBe("CONFLICT");
    const empty = await createDraftInvoice(t.db, admin, draftInvoiceBody.parse({ clientId: priya }));
    expect((await failure(issueInvoice(t.db, admin, empty.id, empty.version)))?.code).toBe("CONFLICT");
    await deleteDraftInvoice(t.db, admin, empty.id, empty.version);
    expect((await failure(getInvoice(t.db, admin, empty.id)))?.code).toBe("NOT_FOUND");
  });

  it("400s a foreign tax rate on the line that named it, writing nothing", async () => {
    const body = draftInvoiceBody.parse({
      clientId: priya,
      lines: [{ kind: "other", description: "x", quantity: 1, unitPriceMinor: 1, taxRateId: crypto.randomUUID() }],
    });
    const err = await failure(createDraftInvoice(t.db, admin, body));
    expect(err?.code).toBe("INVALID");
    expect(err?.fieldErrors).toHaveProperty("lines.0.taxRateId");
  });
});

describe("who may see invoices", () => {
  it("a therapist without billing is refused; with the clinic's grant they may", async () => {
    const d = await draft();
    expect((await failure(getInvoice(t.db, tara, d.id)))?.code).toBe("FORBIDDEN");
    expect((await failure(listInvoices(t.db, tara, { limit: 10 })))?.code).toBe("FORBIDDEN");
    await t.db.execute(sql`update clinics set billing_for_therapists = true where id = ${admin.clinicId}`);
    const granted = await actorFor(t.db, "therapist@demo.test");
    expect((await getInvoice(t.db, granted, d.id)).id).toBe(d.id);
    await t.db.execute(sql`update clinics set billing_for_therapists = false where id = ${admin.clinicId}`);
  });

  it("another clinic gets 404; a client sees only their own issued invoices", async () => {
    const mine = await draft(caseyId);
    expect((await failure(getInvoice(t.db, other, mine.id)))?.code).toBe("NOT_FOUND");
    expect((await failure(getInvoice(t.db, casey, mine.id)))?.code).toBe("NOT_FOUND");
    const issued = await issueInvoice(t.db, admin, mine.id, mine.version);
    expect((await getInvoice(t.db, casey, mine.id)).totalMinor).toBe(issued.totalMinor);
    const priyas = await draft();
    await issueInvoice(t.db, admin, priyas.id, priyas.version);
    expect((await failure(getInvoice(t.db, casey, priyas.id)))?.code).toBe("NOT_FOUND");
    const list = await listInvoices(t.db, casey, { limit: 200 });
    expect(list.every((i) => i.clientId === caseyId && i.status !== "draft")).toBe(true);
    const theirs = await listInvoices(t.db, other, { limit: 200 });
    expect(theirs.some((i) => i.id === mine.id || i.id === priyas.id)).toBe(false);
  });
});
