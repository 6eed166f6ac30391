/**
 * Findings of the attacker's probe (issue 11), one test each, through the real route handlers:
 * strings that cannot be stored, year-0 dates, oversized bodies, and cross-site writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { availabilityExceptions } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { freshDb, sessionFor, clientIdByName, type TestDb } from "@/lib/testing/db";
import { sqlState } from "@/lib/errors";
import { GET as listClients, POST as createClient } from "@/app/api/clients/route";
import { POST as archiveClient } from "@/app/api/clients/[clientId]/archive/route";
import { POST as createComplaint } from "@/app/api/clients/[clientId]/complaints/route";
import { POST as addException } from "@/app/api/therapists/[therapistId]/availability/exceptions/route";
import { MAX_JSON_BODY_BYTES } from "./input-guard";

const BASE = "http://knotwork.test";
let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

const therapist = () => sessionFor(t.db, "therapist@demo.test");
const jsonInit = (method: string, body: string, headers: Record<string, string> = {}): RequestInit => ({
  method,
  body,
  headers: { "content-type": "application/json", ...headers },
});
const countClients = async () =>
  rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from clients`))[0]!.n;

describe("strings that cannot be stored as text", () => {
  it("refuses a NUL byte in a body field with 400 and the field named, storing nothing", async () => {
    const before = await countClients();
    const res = await createClient.invoke(
      new Request(`${BASE}/api/clients`, jsonInit("POST", JSON.stringify({ firstName: "a\u0000b", lastName: "Nul" }))),
      {},
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "INVALID",
      fieldErrors: { firstName: [expect.any(String)] },
    });
    expect(await countClients()).toBe(before);
  });

  it("refuses a NUL byte in a search with 400", async () => {
    const res = await listClients.invoke(
      new Request(`${BASE}/api/clients?q=%00`),
      {},
      {
        db: t.db,
        session: await therapist(),
      },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty("q");
  });

  it("refuses an unpaired UTF-16 surrogate (escaped in JSON) with 400", async () => {
    const res = await createClient.invoke(
      new Request(`${BASE}/api/clients`, jsonInit("POST", '{"firstName":"Lone \\ud800","lastName":"Half"}')),
      {},
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty("firstName");
  });

  it("refuses a body that is not UTF-8 with 400", async () => {
    const res = await createClient.invoke(
      new Request(`${BASE}/api/clients`, {
        method: "POST",
        body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
        headers: { "content-type": "application/json" },
      }),
      {},
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(400);
  });

  it("answers a NUL byte in a path id with 404, like any id that names nothing", async () => {
    const res = await archiveClient.invoke(
      new Request(`${BASE}/api/clients/x%00/archive`, { method: "POST" }),
      { clientId: "x\u0000" },
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(404);
  });
});

describe("numbers", () => {
  it("refuses a number too close to zero for a real column (2.5e-323) with 400, not a 500", async () => {
    const clientId = await clientIdByName(t.db, "Priya", "Shah");
    const res = await createComplaint.invoke(
      new Request(
        `${BASE}/api/clients/${clientId}/complaints`,
        jsonInit("POST", JSON.stringify({ title: "Neck pain", regions: [], extra: 2.5e-323 })),
      ),
      { clientId },
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty("extra");
  });
});

describe("dates", () => {
  it("refuses a year-0 onset date with 400 on the field", async () => {
    const clientId = await clientIdByName(t.db, "Priya", "Shah");
    const res = await createComplaint.invoke(
      new Request(
        `${BASE}/api/clients/${clientId}/complaints`,
        jsonInit("POST", JSON.stringify({ title: "Neck pain", onsetDate: "0000-01-01" })),
      ),
      { clientId },
      { db: t.db, session: await therapist() },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty("onsetDate");
  });

  it("refuses time off dated 0000-01-01 at the edge, and the database refuses to store it at all", async () => {
    const session = await therapist();
    const res = await addException.invoke(
      new Request(
        `${BASE}/api/therapists/${session.userId}/availability/exceptions`,
        jsonInit("POST", JSON.stringify({ kind: "time_off", startDate: "0000-01-01" })),
      ),
      { therapistId: session.userId },
      { db: t.db, session },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty("startDate");

    const err = await t.db
      .insert(availabilityExceptions)
      .values({
        clinicId: session.clinicId,
        therapistUserId: session.userId,
        createdBy: session.userId,
        exception: { kind: "time_off", startDate: "0000-01-01" },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(err)).toBe("23514");
  });
});

describe("request body size", () => {
  const big = () => JSON.stringify({ firstName: "Big", lastName: "Body", preferredName: "x".repeat(20 * 1024 * 1024) });

  it("answers a 20 MB JSON body with 413 without storing anything", async () => {
    const before = await countClients();
    const res = await createClient.invoke(
      new Request(`${BASE}/api/clients`, jsonInit("POST", big())),
      {},
      {
        db: t.db,
        session: await therapist(),
      },
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("TOO_LARGE");
    expect(await countClients()).toBe(before);
  });

  it("stops reading a streamed body without a length as soon as it passes the limit", async () => {
    const chunk = new TextEncoder().encode(`{"firstName":"${"y".repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`${BASE}/api/clients`, {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const res = await createClient.invoke(req, {}, { db: t.db, session: await therapist() });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(MAX_JSON_BODY_BYTES + 4 * chunk.byteLength);
  });

  it("still accepts a body just under the limit", async () => {
    const note = "z".repeat(900 * 1024);
    const res = await createClient.invoke(
      new Request(`${BASE}/api/clients`, jsonInit("POST", JSON.stringify({ firstName: "Near", lastName: note }))),
      {},
      { db: t.db, session: await therapist() },
    );
    // Under the body limit, so the schema decides (the name is too long): 400, not 413.
    expect(res.status).toBe(400);
  });
});

describe("cross-site requests", () => {
  const archive = async (headers: Record<string, string>) => {
    const clientId = await clientIdByName(t.db, "Tom", "Okafor");
    return archiveClient.invoke(
      new Request(`${BASE}/api/clients/${clientId}/archive`, { method: "POST", headers }),
      { clientId },
      { db: t.db, session: await therapist(), origin: BASE },
    );
  };

  it("refuses a body-less POST from another origin with 403", async () => {
    const res = await archive({ origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });

  it("refuses a request the browser marks as cross-site, even without an Origin", async () => {
    expect((await archive({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await archive({ "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await archive({ origin: "null" })).status).toBe(403);
  });

  it("lets the clinic's own pages through", async () => {
    expect((await archive({ origin: BASE, "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("leaves reads alone", async () => {
    const res = await listClients.invoke(
      new Request(`${BASE}/api/clients`, {
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      }),
      {},
      { db: t.db, session: await therapist(), origin: BASE },
    );
    expect(res.status).toBe(200);
  });
});
