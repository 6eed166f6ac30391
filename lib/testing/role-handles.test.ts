/**
 * The handles the authorization walk gives every operation (role-handles.ts) are the production
 * roles for real: the clinic handle is a NOBYPASSRLS role that owns nothing and sees one clinic,
 * the platform handle sees every clinic. Without this, a walk that passes could be walking as the
 * superuser, which row-level security never binds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { freshDb, clinicIdBySlug, inRolledBackTransaction, type TestDb } from "./db";
import { productionRolesIn, roleHandles, type RoleHandles } from "./role-handles";
import { APP_ROLE, PLATFORM_ROLE } from "./least-privilege";

let t: TestDb;
let real: RoleHandles | null;
let demo: string;
beforeAll(async () => {
  t = await freshDb();
  real = roleHandles(t);
  demo = await clinicIdBySlug(t.db, "demo-clinic");
});
afterAll(async () => {
  await real?.close();
  await t.close();
});

interface Seen {
  user: string;
  bypass: boolean;
  superuser: boolean;
  owns: number;
  clinics: number;
}

const seen = async (db: Db): Promise<Seen> =>
  rowsOf<Seen>(
    await db.execute(sql`select current_user as user, r.rolbypassrls as bypass, r.rolsuper as superuser,
      (select count(*)::int from pg_class c where c.relowner = r.oid) as owns,
      (select count(distinct clinic_id)::int from clients) as clinics
      from pg_roles r where r.rolname = current_user`),
  )[0]!;

describe("the production roles in tests", () => {
  it("inside a transaction: platform first, then the clinic handle as the RLS-bound app role", async () => {
    const { platform, app } = await inRolledBackTransaction(t.db, async (tx) => {
      const roles = await productionRolesIn(tx);
      const platform = await seen(roles.platform);
      const app = await seen(await roles.clinicDb(demo));
      return { platform, app };
    });
    expect(platform).toMatchObject({ user: PLATFORM_ROLE, bypass: true, superuser: false });
    expect(platform.clinics).toBeGreaterThan(1);
    expect(app).toEqual({ user: APP_ROLE, bypass: false, superuser: false, owns: 0, clinics: 1 });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("on PostgreSQL, pools that log in as the two roles", async () => {
    expect(await seen(real!.platform)).toMatchObject({ user: PLATFORM_ROLE, bypass: true, superuser: false });
    expect(await seen(await real!.clinicDb(demo))).toEqual({
      user: APP_ROLE,
      bypass: false,
      superuser: false,
      owns: 0,
      clinics: 1,
    });
  });
});
