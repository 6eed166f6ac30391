import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditEvents, clients, programmes, visits } from "@/db/schema";
import { operations } from "@/lib/api/registry";
import type { Operation } from "@/lib/http/operation";
import type { RouteHandler } from "@/lib/http/route";
import { routeFileFor } from "@/lib/testing/route-files";
import { actorFor, clientIdByName, clinicIdBySlug, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import { uploadDocument } from "@/lib/documents/upload-document";
import { copySeededForm } from "@/lib/forms/form-templates/copy-seeded-form";
import { sendForms } from "@/lib/forms/form-requests/send-forms";
import { signForm } from "@/lib/forms/submit-form";
import { renderSubmissionPdf } from "@/lib/forms/pdf-job";
import { verifyChain } from "./verify-chain";
import { READ_KINDS } from "./read-kinds";

let t: TestDb;
let session: Awaited<ReturnType<typeof sessionFor>>;
let ids: { clientId: string; visitId: string; programmeId: string; documentId: string; requestId: string };
let otherIds: Record<string, string>;

async function idsIn(clinicSlug: string, clientId: string) {
  const clinicId = await clinicIdBySlug(t.db, clinicSlug);
  const [visit] = await t.db
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.clinicId, clinicId), eq(visits.clientId, clientId)))
    .limit(1);
  const [programme] = await t.db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.clinicId, clinicId), eq(programmes.clientId, clientId)))
    .limit(1);
  // A document of the client, so the document routes have one to open.
  const therapist = await actorFor(
    t.db,
    clinicSlug === "demo-clinic" ? "therapist@demo.test" : "therapist@other.test",
    clinicSlug,
  );
  const document = await uploadDocument(t.db, therapist, clientId, {
    kind: "referral_letter",
    title: "Referral",
    fileName: "referral.pdf",
    documentDate: "2026-11-30",
    dataBase64: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
  });
  // A signed form with its PDF, so the form routes have one to open.
  const privacy = await copySeededForm(t.db, therapist, "privacy_notice");
  const [request] = await sendForms(t.db, therapist, clientId, [privacy.id]);
  const { submissionId } = await signForm(
    t.db,
    {
      clinicId: therapist.clinicId,
      clientId,
      requestId: request!.id,
      source: "kiosk",
      actor: therapist,
      userAgent: null,
    },
    { answers: { contact_by_email: true }, signature: { method: "typed", name: "Test Client", consent: true } },
  );
  await renderSubmissionPdf(t.db, therapist.clinicId, submissionId);
  return {
    clientId,
    visitId: visit?.id ?? clientId,
    programmeId: programme?.id ?? clientId,
    documentId: document.id,
    requestId: request!.id,
  };
}

beforeAll(async () => {
  t = await freshDb();
  // The therapist reads clinical records; the admin reads the client record.
  session = await sessionFor(t.db, "therapist@demo.test");
  ids = await idsIn("demo-clinic", await clientIdByName(t.db, "Casey", "Client"));
  const otherClinic = await clinicIdBySlug(t.db, "other-clinic");
  const [otherClient] = await t.db.select({ id: clients.id }).from(clients).where(eq(clients.clinicId, otherClinic));
  otherIds = await idsIn("other-clinic", otherClient!.id);
});
afterAll(() => t?.close());

const audited = operations.filter((op) => op.auditRead);

async function call(op: Operation, params: Record<string, string>, headers: Record<string, string> = {}) {
  const mod = (await import(routeFileFor(op.path))) as Record<string, RouteHandler<Operation>>;
  const url = `http://localhost${op.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!)}`;
  return mod[op.method]!.invoke(new Request(url, { headers }), params, { db: t.db, session, ip: "203.0.113.9" });
}

const paramsFor = (op: Operation, source: Record<string, string>) =>
  Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map(([, k]) => [k!, source[k!]!]));

async function latest(clinicId: string) {
  const [row] = await t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.clinicId, clinicId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row!;
}

describe("reads of health information are audited", () => {
  it("covers the client record, chart, visits, progress and its export, programmes and questionnaire answers", () => {
    expect(audited.map((o) => o.auditRead!.kind).sort()).toEqual(
      expect.arrayContaining([
        "client",
        "chart",
        "visit",
        "progress",
        "progress_export",
        "programme",
        "questionnaires",
      ]),
    );
  });

  it.each(audited.map((op) => [op.id, op] as const))("%s records who read what", async (_, op) => {
    const res = await call(op, paramsFor(op, ids), { "x-request-id": `req-${op.id}` });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const event = await latest(session.clinicId);
    expect(event).toMatchObject({
      action: READ_KINDS[op.auditRead!.kind].action,
      actorUserId: session.userId,
      requestId: `req-${op.id}`,
      ip: "203.0.113.9",
    });
    // Every audited read names the client, except a visit's pain card (keyed by the visit).
    if (op.auditRead!.kind !== "visit_pain") expect(event.clientId).toBe(ids.clientId);
  });

  it.each(audited.map((op) => [op.id, op] as const))(
    "%s refused for another clinic's id: 404, recorded in the reader's own clinic only",
    async (_, op) => {
      const otherClinic = await clinicIdBySlug(t.db, "other-clinic");
      const otherBefore = (await latest(otherClinic)).seq;
      const params = paramsFor(op, otherIds);
      const res = await call(op, params);
      expect(res.status).toBe(404);
      const event = await latest(session.clinicId);
      expect(event).toMatchObject({
        action: "access.refused",
        entityId: Object.values(params)[0],
        clientId: null,
        details: { attempted: op.auditRead!.kind, reason: "not_found" },
      });
      expect((await latest(otherClinic)).seq).toBe(otherBefore);
    },
  );

  it("records a malformed id as a refused attempt without storing the text", async () => {
    const op = audited.find((o) => o.id === "getClient")!;
    const res = await call(op, { clientId: "not-an-id'; drop table" });
    expect(res.status).toBe(404);
    expect(await latest(session.clinicId)).toMatchObject({
      action: "access.refused",
      entityId: null,
      details: { malformedId: true },
    });
  });

  it("leaves a chain that still verifies", async () => {
    expect((await verifyChain(t.db, session.clinicId)).broken).toBeNull();
  });

  it("a caller-supplied request id that is not plain is replaced by a fresh one", async () => {
    const op = audited.find((o) => o.id === "getClient")!;
    await call(op, { clientId: ids.clientId }, { "x-request-id": "<script>" + "x".repeat(200) });
    const [event] = await t.db
      .select({ requestId: auditEvents.requestId })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, session.clinicId), eq(auditEvents.action, "client.viewed")))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
