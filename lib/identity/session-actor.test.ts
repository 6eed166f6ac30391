import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { memberships, users } from "@/db/schema";
import { loadSessionActor } from "@/lib/identity/actor";
import { clinicIdBySlug, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";

// Which clinic a signed-in request acts in, chosen inside the actor's one statement (issue 16).
let t: TestDb;
let demo: string;
let other: string;
beforeAll(async () => {
  t = await freshDb();
  demo = await clinicIdBySlug(t.db, "demo-clinic");
  other = await clinicIdBySlug(t.db, "other-clinic");
});
afterAll(() => t?.close());

describe("the actor of a signed-in request", () => {
  it("a one-clinic person acts in their clinic without choosing, and a cookie naming another clinic changes nothing", async () => {
    const tara = await userIdByEmail(t.db, "therapist@demo.test");
    expect(await loadSessionActor(t.db, tara, null)).toMatchObject({ clinicId: demo, roles: ["therapist"] });
    // A browser's choice of a clinic they do not belong to never makes them act there.
    expect((await loadSessionActor(t.db, tara, other))?.clinicId).toBe(demo);
    expect((await loadSessionActor(t.db, tara, "not-a-uuid"))?.clinicId).toBe(demo);
  });

  it("a person of two clinics must choose, and acts in the one chosen", async () => {
    const theo = await userIdByEmail(t.db, "therapist2@demo.test");
    await t.db.insert(memberships).values({ clinicId: other, userId: theo, role: "admin" });
    expect(await loadSessionActor(t.db, theo, null)).toBeNull();
    expect(await loadSessionActor(t.db, theo, other)).toMatchObject({ clinicId: other, roles: ["admin"] });
    expect(await loadSessionActor(t.db, theo, demo)).toMatchObject({ clinicId: demo, roles: ["therapist"] });
  });

  it("once removed from the chosen clinic, they act in the one clinic left; with none left, nowhere", async () => {
    const theo = await userIdByEmail(t.db, "therapist2@demo.test");
    await t.db
      .update(memberships)
      .set({ revokedAt: new Date() })
      .where(and(eq(memberships.userId, theo), eq(memberships.clinicId, other)));
    expect((await loadSessionActor(t.db, theo, other))?.clinicId).toBe(demo);
    await t.db.update(memberships).set({ revokedAt: new Date() }).where(eq(memberships.userId, theo));
    expect(await loadSessionActor(t.db, theo, demo)).toBeNull();
    expect(await loadSessionActor(t.db, theo, null)).toBeNull();
  });

  it("a disabled login acts nowhere", async () => {
    const admin = await userIdByEmail(t.db, "admin@demo.test");
    expect((await loadSessionActor(t.db, admin, null))?.clinicId).toBe(demo);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, admin));
    expect(await loadSessionActor(t.db, admin, null)).toBeNull();
  });
});
