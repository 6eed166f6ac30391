import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import { POST } from "@/app/api/clients/route";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

describe("route wrapper", () => {
  it("accepts JSON bodies only, so a cross-site text/plain form cannot pose as JSON", async () => {
    const session = await sessionFor(t.db, "therapist@demo.test");
    const body = JSON.stringify({ firstName: "Form", lastName: "Post" });
    const asText = await POST.invoke(
      new Request("http://test/api/clients", { method: "POST", body, headers: { "content-type": "text/plain" } }),
      {},
      { db: t.db, session },
    );
    expect(asText.status).toBe(400);
    expect((await asText.json()).error.message).toMatch(/as JSON/);
    const asJson = await POST.invoke(
      new Request("http://test/api/clients", { method: "POST", body, headers: { "content-type": "application/json" } }),
      {},
      { db: t.db, session },
    );
    expect(asJson.status).toBe(201);
  });

  it("answers bad input with 400 and field errors, and a malformed id with 404", async () => {
    const session = await sessionFor(t.db, "therapist@demo.test");
    const res = await POST.invoke(
      new Request("http://test/api/clients", {
        method: "POST",
        body: JSON.stringify({ firstName: "" }),
        headers: { "content-type": "application/json" },
      }),
      {},
      { db: t.db, session },
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({
      code: "INVALID",
      fieldErrors: { firstName: ["Enter a first name."], lastName: [expect.any(String)] },
    });
    const { GET } = await import("@/app/api/clients/[clientId]/route");
    expect(
      (
        await GET.invoke(
          new Request("http://test/api/clients/not-a-uuid"),
          { clientId: "not-a-uuid" },
          { db: t.db, session },
        )
      ).status,
    ).toBe(404);
  });
});
