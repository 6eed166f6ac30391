import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { GET } from "@/app/api/health/route";
import { databaseKind } from "./health";

describe("health", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(() => t?.close());

  it("reports the engine that actually answers", async () => {
    expect(await databaseKind(t.db)).toBe(t.kind);
  });

  it("GET /api/health answers ok with the database kind, without a session", async () => {
    const res = await GET.invoke(new Request("http://test.local/api/health"), {}, { db: t.db, session: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: t.kind });
  });
});
