import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import { visits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actorFor, freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createClient } from "@/lib/clients/records/create-client";
import { clientFields } from "@/lib/clients/schemas";
import * as visitsRoute from "@/app/api/clients/[clientId]/visits/route";
import { createVisit } from "./visits/create-visit";
import { listClientVisits } from "./visits/list-client-visits";
import { clientVisitsQuery } from "./schemas";

// A client's visits list is keyset-paged on (start, id), newest first (issue 16).
let t: TestDb;
let therapist: Actor;
let clientId: string;
/** Every visit of the client in the order the list must show them. */
let expected: string[];

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  ({ id: clientId } = await createClient(
    t.db,
    therapist,
    clientFields.parse({ firstName: "Paged", lastName: "Visits" }),
  ));
  const day = (d: number, h = 9) => new Date(Date.UTC(2026, 9, d, h)).toISOString();
  // Nine visits on distinct days, three started at one same instant (only the id tells them apart) ...
  for (let d = 1; d <= 9; d++) await createVisit(t.db, therapist, clientId, { startedAt: day(d) });
  for (let i = 0; i < 3; i++) await createVisit(t.db, therapist, clientId, { startedAt: day(20) });
  // ... and two a few microseconds apart, which a millisecond cursor could not tell apart.
  const [a, b] = [
    await createVisit(t.db, therapist, clientId, { startedAt: day(25) }),
    await createVisit(t.db, therapist, clientId, { startedAt: day(25) }),
  ];
  await t.db.execute(sql`update visits set started_at = started_at + interval '3 microseconds' where id = ${a.id}`);
  await t.db.execute(sql`update visits set started_at = started_at + interval '7 microseconds' where id = ${b.id}`);
  const rows = await t.db
    .select({ id: visits.id })
    .from(visits)
    .where(eq(visits.clientId, clientId))
    .orderBy(desc(visits.startedAt), desc(visits.id));
  expected = rows.map((r) => r.id);
});
afterAll(() => t.close());

async function allPages(limit: number) {
  const seen: string[] = [];
  const counts = new Set<number>();
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await listClientVisits(t.db, therapist, clientId, { limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((v) => v.id));
    counts.add(page.count);
    after = page.nextCursor ?? undefined;
    pages += 1;
  } while (after && pages < 50);
  return { seen, counts, pages };
}

describe("a client's visits, a page at a time", () => {
  it("lists every visit once, newest first, across pages of any size, with the total on every page", async () => {
    expect(expected).toHaveLength(14);
    for (const limit of [1, 3, 4, 5, 14, 20]) {
      const { seen, counts, pages } = await allPages(limit);
      expect(seen).toEqual(expected);
      expect([...counts]).toEqual([14]);
      expect(pages).toBe(Math.ceil(14 / limit));
    }
  });

  it("caps the first page at 20 by default", async () => {
    for (let i = 0; i < 8; i++) await createVisit(t.db, therapist, clientId, { startedAt: "2025-01-01T10:00:00Z" });
    const first = await listClientVisits(t.db, therapist, clientId);
    expect(first.items).toHaveLength(20);
    expect(first.count).toBe(22);
    expect(first.items.slice(0, 14).map((v) => v.id)).toEqual(expected);
    const rest = await listClientVisits(t.db, therapist, clientId, { limit: 20, after: first.nextCursor! });
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
  });

  it("is not found for another clinic", async () => {
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    const err = await listClientVisits(t.db, other, clientId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("NOT_FOUND");
  });

  const get = async (query: string, email = "therapist@demo.test", clinic = "demo-clinic") =>
    visitsRoute.GET.invoke(
      new Request(`http://knotwork.test/api/clients/${clientId}/visits${query}`),
      { clientId },
      { db: t.db, session: await sessionFor(t.db, email, clinic) },
    );

  it("answers over HTTP with a page and a cursor; a bad cursor or page size is a 400, another clinic a 404", async () => {
    const ok = await get("?limit=5");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { items: { id: string }[]; count: number; nextCursor: string };
    expect(body.items.map((v) => v.id)).toEqual(expected.slice(0, 5));
    const next = await get(`?limit=5&after=${encodeURIComponent(body.nextCursor)}`);
    expect(((await next.json()) as typeof body).items.map((v) => v.id)).toEqual(expected.slice(5, 10));
    for (const bad of [
      "?after=x'%3B%20drop%20table%20visits",
      "?after=2026-10-01T09:00:00Z~nope",
      "?after=2026-13-45T99:00:00.000000Z~00000000-0000-0000-0000-000000000000",
      "?limit=0",
      "?limit=101",
      "?limit=ten",
    ]) {
      const res = await get(bad);
      expect(res.status, bad).toBe(400);
    }
    expect((await get("", "therapist@other.test", "other-clinic")).status).toBe(404);
  });

  it("the query schema defaults to 20 and refuses a malformed cursor", () => {
    expect(clientVisitsQuery.parse({})).toEqual({ limit: 20 });
    expect(clientVisitsQuery.safeParse({ after: "2026-10-01T09:00:00.000Z~x" }).success).toBe(false);
  });
});
