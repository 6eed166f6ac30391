import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clientPrecautions, clients, formSubmissions, formVersions } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import { builderData } from "@/lib/programmes/builder-suggestions";
import { sha256Hex } from "@/lib/storage";
import * as portalForm from "@/app/api/portal/forms/[requestId]/route";
import * as submissionRoute from "@/app/api/clients/[clientId]/forms/[requestId]/route";
import * as pdfRoute from "@/app/api/clients/[clientId]/forms/[requestId]/pdf/route";
import { copySeededForm } from "./form-templates/copy-seeded-form";
import { saveTemplateVersion } from "./form-templates/save-template-version";
import { sendForms } from "./form-requests/send-forms";
import { decideProposal } from "./decide-proposal";
import { listProposals } from "./list-proposals";
import { renderSubmissionPdf } from "./pdf-job";
import { canonicalJson } from "./rules/answers";
import { SEEDED_FORMS } from "./templates";
import { getEmergencyContact } from "./emergency-contact";

let t: TestDb;
let casey: string;
let requestId: string;
const U = "http://knotwork.test/api";
const deps = async (email: string, clinic = "demo-clinic"): Promise<RouteDeps> => ({
  db: t.db,
  session: await sessionFor(t.db, email, clinic),
});
const submit = async (body: unknown, who = "client@demo.test", clinic = "demo-clinic") =>
  portalForm.POST.invoke(
    new Request(`${U}/portal/forms/${requestId}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "user-agent": "Phone browser 1.0" },
    }),
    { requestId },
    { ...(await deps(who, clinic)), ip: "198.51.100.7" },
  );
const ANSWERS = {
  phone: "07700 900333",
  date_of_birth: "1990-03-04",
  emergency_name: "Jo Client",
  emergency_phone: "07700 900444",
  main_complaint: "Headaches and a stiff neck",
  precautions: ["anticoagulants"],
  takes_medication: true,
  medications: "Rivaroxaban",
  pregnant: false,
};

beforeAll(async () => {
  t = await freshDb();
  casey = await clientIdByName(t.db, "Casey", "Client");
  const therapist = await actorFor(t.db, "therapist@demo.test");
  const template = await copySeededForm(t.db, therapist, "health_history");
  requestId = (await sendForms(t.db, therapist, casey, [template.id]))[0]!.id;
  // The clinic edits the form after sending it: Casey must still see and sign version 1.
  await saveTemplateVersion(t.db, therapist, template.id, {
    baseVersion: 1,
    definition: { ...SEEDED_FORMS.health_history, title: "Health history (2027 wording)" },
  });
});
afterAll(() => t.close());

describe("filling in and signing a form", () => {
  it("shows the client the version they were sent, not a later edit", async () => {
    const res = await portalForm.GET.invoke(new Request(`${U}/x`), { requestId }, await deps("client@demo.test"));
    expect(await res.json()).toMatchObject({ version: 1, title: "New client health history", status: "pending" });
  });

  it("refuses missing answers and a typed name without the consent box, writing nothing", async () => {
    const missing = await submit({
      answers: { ...ANSWERS, phone: "" },
      signature: { method: "typed", name: "Casey Client", consent: true },
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fieldErrors).toEqual({ "answers.phone": ["Please answer this question."] });
    const noConsent = await submit({
      answers: ANSWERS,
      signature: { method: "typed", name: "Casey Client", consent: false },
    });
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).error.fieldErrors["signature.consent"]).toBeDefined();
    expect(await t.db.select({ id: formSubmissions.id }).from(formSubmissions)).toEqual([]);
  });

  it("signs with a drawn signature: time, address, user agent, version and the hash of the signed content", async () => {
    const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: "#fff" } })
      .png()
      .toBuffer();
    const res = await submit({
      answers: ANSWERS,
      signature: { method: "drawn", name: "Casey Client", pngBase64: png.toString("base64") },
    });
    expect(res.status).toBe(201);
    const [row] = await t.db.select().from(formSubmissions);
    expect(row).toMatchObject({
      version: 1,
      ip: "198.51.100.7",
      userAgent: "Phone browser 1.0",
      source: "portal",
      signatureMethod: "drawn",
    });
    const [v1] = await t.db
      .select()
      .from(formVersions)
      .where(and(eq(formVersions.templateId, row!.templateId), eq(formVersions.version, 1)));
    const content = canonicalJson({
      form: { templateId: row!.templateId, version: 1, definition: v1!.definition },
      answers: row!.answers,
      signature: { method: "drawn", name: "Casey Client", imageSha256: sha256Hex(png) },
      signedAt: row!.signedAt.toISOString(),
    });
    expect(row!.contentSha256).toBe(sha256Hex(Buffer.from(content)));
    const again = await submit({
      answers: ANSWERS,
      signature: { method: "typed", name: "Casey Client", consent: true },
    });
    expect(again.status).toBe(409);
  });

  it("another clinic's or client's people cannot read or sign it (404)", async () => {
    expect(
      (
        await submit(
          { answers: ANSWERS, signature: { method: "typed", name: "X Y", consent: true } },
          "client@other.test",
          "other-clinic",
        )
      ).status,
    ).toBe(404);
    const other = await submissionRoute.GET.invoke(
      new Request(`${U}/x`),
      { clientId: casey, requestId },
      await deps("therapist@other.test", "other-clinic"),
    );
    expect(other.status).toBe(404);
    const mine = await submissionRoute.GET.invoke(
      new Request(`${U}/x`),
      { clientId: casey, requestId },
      await deps("therapist@demo.test"),
    );
    expect(await mine.json()).toMatchObject({
      version: 1,
      title: "New client health history",
      signatureName: "Casey Client",
    });
    const [read] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "forms.viewed"), eq(auditEvents.clientId, casey)));
    expect(read!.n).toBeGreaterThan(0);
  });
});

describe("a signed form is immutable in the database", () => {
  it("refuses updates and deletes, and accepts its PDF exactly once", async () => {
    await expect(t.db.update(formSubmissions).set({ answers: { phone: "0" } })).rejects.toThrow();
    await expect(t.db.delete(formSubmissions)).rejects.toThrow();
    await expect(t.db.update(formVersions).set({ definition: SEEDED_FORMS.privacy_notice })).rejects.toThrow();
    const [row] = await t.db
      .select({ id: formSubmissions.id, clinicId: formSubmissions.clinicId })
      .from(formSubmissions);
    await renderSubmissionPdf(t.db, row!.clinicId, row!.id);
    const [after] = await t.db.select({ pdfKey: formSubmissions.pdfKey }).from(formSubmissions);
    expect(after!.pdfKey).toMatch(/signed\.pdf$/);
    await expect(t.db.update(formSubmissions).set({ pdfKey: "clinics/x/y.pdf" })).rejects.toThrow();
    const pdf = await pdfRoute.GET.invoke(
      new Request(`${U}/x`),
      { clientId: casey, requestId },
      await deps("therapist@demo.test"),
    );
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe("write-back with review", () => {
  it("proposes, never applies: precautions change only when the therapist accepts", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const proposals = await listProposals(t.db, therapist, casey);
    expect(proposals.map((p) => p.target).sort()).toEqual(
      expect.arrayContaining(["client.emergency_contact_name", "client.phone", "precautions"]),
    );
    const recorded = () =>
      t.db
        .select({ id: clientPrecautions.precautionId })
        .from(clientPrecautions)
        .where(eq(clientPrecautions.clientId, casey));
    expect(await recorded()).toEqual([]);
    const gunBlocked = async () =>
      (await builderData(t.db, therapist, casey)).catalogue
        .filter((o) => o.tool === "percussive_gun")
        .every((o) => o.screen.verdict === "block");
    expect(await gunBlocked()).toBe(false);
    const precautions = proposals.find((p) => p.target === "precautions")!;
    expect(precautions).toMatchObject({ proposed: ["anticoagulants"], current: [], status: "pending" });
    await decideProposal(t.db, therapist, casey, precautions.id, { action: "accept" });
    expect(await recorded()).toEqual([{ id: "anticoagulants" }]);
    // The programme builder re-screens with the accepted answer: no massage gun on blood thinners.
    expect(await gunBlocked()).toBe(true);
    await expect(decideProposal(t.db, therapist, casey, precautions.id, { action: "accept" })).rejects.toThrow(
      /already been decided/,
    );
  });

  it("an edit is checked like a hand edit of the record; a dismissal leaves the record alone", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const proposals = await listProposals(t.db, therapist, casey);
    const phone = proposals.find((p) => p.target === "client.phone")!;
    await expect(
      decideProposal(t.db, therapist, casey, phone.id, { action: "edit", value: "call me <maybe>" }),
    ).rejects.toThrow(/Use digits/);
    await decideProposal(t.db, therapist, casey, phone.id, { action: "edit", value: "+44 7700 900333" });
    const [c] = await t.db.select({ phone: clients.phone }).from(clients).where(eq(clients.id, casey));
    expect(c!.phone).toBe("+44 7700 900333");
    const dob = proposals.find((p) => p.target === "client.date_of_birth")!;
    const before = await t.db.select({ d: clients.dateOfBirth }).from(clients).where(eq(clients.id, casey));
    await decideProposal(t.db, therapist, casey, dob.id, { action: "dismiss" });
    expect(await t.db.select({ d: clients.dateOfBirth }).from(clients).where(eq(clients.id, casey))).toEqual(before);
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expect(listProposals(t.db, other, casey)).rejects.toThrow(/not found/);
  });

  it("the emergency contact reaches the record only when accepted, and only in its clinic", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const admin = await actorFor(t.db, "admin@demo.test");
    expect(await getEmergencyContact(t.db, admin, casey)).toBeNull();
    const proposals = await listProposals(t.db, therapist, casey);
    for (const target of ["client.emergency_contact_name", "client.emergency_contact_phone"]) {
      const p = proposals.find((x) => x.target === target && x.status === "pending")!;
      await decideProposal(t.db, therapist, casey, p.id, { action: "accept" });
    }
    // Contact details: the admin, who reads no clinical records, sees it too.
    expect(await getEmergencyContact(t.db, admin, casey)).toEqual({ name: "Jo Client", phone: "07700 900444" });
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    expect(await getEmergencyContact(t.db, other, casey)).toBeNull();
  });
});
