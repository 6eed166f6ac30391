import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, formRequests, formTemplates, formVersions } from "@/db/schema";
import { clientIdByName, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import * as blankRoute from "@/app/api/forms/templates/blank/route";
import * as templateRoute from "@/app/api/forms/templates/[templateId]/route";
import * as sendRoute from "@/app/api/clients/[clientId]/forms/route";
import type { FormDefinition } from "./definition";

let t: TestDb;
let casey: string;
const U = "http://knotwork.test/api";
const deps = async (email: string, clinic = "demo-clinic"): Promise<RouteDeps> => ({
  db: t.db,
  session: await sessionFor(t.db, email, clinic),
});
const json = (method: string, body: unknown) =>
  new Request(`${U}/x`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const create = async (body: unknown, who = "admin@demo.test") =>
  blankRoute.POST.invoke(json("POST", body), {}, await deps(who));
const count = async (table: typeof formTemplates | typeof formVersions | typeof formRequests) =>
  (await t.db.select().from(table)).length;

const FIRST_TEXT: FormDefinition = {
  title: "Return visit check-in",
  kind: "other",
  sections: [
    {
      id: "s_since",
      title: "Since your last visit",
      questions: [{ id: "q_change", kind: "long_text", label: "What has changed?", required: true }],
    },
  ],
};

beforeAll(async () => {
  t = await freshDb();
  casey = await clientIdByName(t.db, "Casey", "Client");
});
afterAll(() => t.close());

describe("a blank form of the clinic's own", () => {
  it("needs a title and a known kind; nothing is written otherwise", async () => {
    const before = await count(formTemplates);
    const res = await create({ title: "   ", kind: "recipe" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toEqual({
      title: ["This cannot be empty."],
      kind: ["Choose what kind of form this is."],
    });
    expect(await count(formTemplates)).toBe(before);
  });

  it("starts as version 0 with no text, cannot be sent until saved, and the first save makes version 1", async () => {
    const res = await create({ title: "Return visit check-in", kind: "other" });
    expect(res.status).toBe(201);
    const draft = await res.json();
    expect(draft).toMatchObject({ title: "Return visit check-in", kind: "other", currentVersion: 0, definition: null });
    expect(draft.seedKey).toBeNull();
    const templateId: string = draft.id;
    const [event] = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, templateId), eq(auditEvents.action, "form.template_created")));
    expect(event).toBeDefined();

    // The editor reads it back; another clinic cannot.
    const got = await templateRoute.GET.invoke(new Request(`${U}/x`), { templateId }, await deps("admin@demo.test"));
    expect(await got.json()).toMatchObject({ currentVersion: 0, definition: null });
    const other = await templateRoute.GET.invoke(
      new Request(`${U}/x`),
      { templateId },
      await deps("admin@other.test", "other-clinic"),
    );
    expect(other.status).toBe(404);

    // Sending it before a save is refused in words, and nothing is sent.
    const requests = await count(formRequests);
    const send = await sendRoute.POST.invoke(
      json("POST", { templateIds: [templateId] }),
      { clientId: casey },
      await deps("therapist@demo.test"),
    );
    expect(send.status).toBe(409);
    expect((await send.json()).error.message).toMatch(
      /“Return visit check-in” is a new form that has not been saved yet/,
    );
    expect(await count(formRequests)).toBe(requests);

    // A stale first save (someone else saved version 1) is a conflict, like any other.
    const saved = await templateRoute.PUT.invoke(
      json("PUT", { baseVersion: 0, definition: FIRST_TEXT }),
      { templateId },
      await deps("admin@demo.test"),
    );
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ currentVersion: 1, definition: FIRST_TEXT });
    const again = await templateRoute.PUT.invoke(
      json("PUT", { baseVersion: 0, definition: FIRST_TEXT }),
      { templateId },
      await deps("admin@demo.test"),
    );
    expect(again.status).toBe(409);

    const sent = await sendRoute.POST.invoke(
      json("POST", { templateIds: [templateId] }),
      { clientId: casey },
      await deps("therapist@demo.test"),
    );
    expect(sent.status).toBe(201);
    expect(await count(formRequests)).toBe(requests + 1);
  });

  it("is for staff who configure forms: a client is refused", async () => {
    const res = await create({ title: "Mine", kind: "other" }, "client@demo.test");
    expect(res.status).toBe(403);
  });
});
