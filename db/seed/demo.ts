import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "../client";
import { auditEvents, clients, clinics, memberships, users } from "../schema";
import { DEMO_CLIENTS, DEMO_CLINICS, DEMO_PASSWORD, DEMO_STAFF } from "./demo-people";
import { seedDemoHistory } from "./demo-history";
import { seedDemoExercises } from "./demo-exercises";
import { seedDemoAppointments } from "./demo-appointments";
import { seedDemoProgrammes } from "./demo-programmes";
import { seedDemoBooking } from "./demo-booking";

export class SeedRefusedError extends Error {}

/**
 * Loads the demo clinics, accounts and clients. Refuses to touch a database that holds
 * real (non-demo) clinics or users; does nothing when the demo data is already there.
 */
export async function seedDemo(db: Db): Promise<"seeded" | "already-seeded"> {
  return db.transaction(async (tx) => {
    const counts = await tx.execute(sql`
      select (select count(*) from clinics where not is_demo)::int as "realClinics",
             (select count(*) from users where not is_demo)::int as "realUsers",
             (select count(*) from clinics where is_demo)::int as "demoClinics"`);
    const { realClinics, realUsers, demoClinics } = rowsOf(counts)[0] as {
      realClinics: number;
      realUsers: number;
      demoClinics: number;
    };
    if (realClinics > 0 || realUsers > 0) {
      throw new SeedRefusedError(
        "This database holds real (non-demo) clinics or users; the demo seed will not touch it.",
      );
    }
    if (demoClinics > 0) return "already-seeded";

    const passwordHash = await hash(DEMO_PASSWORD, {
      algorithm: 2 /* Argon2id */,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    const clinicIds: Record<string, string> = {};
    for (const c of DEMO_CLINICS) {
      const [row] = await tx
        .insert(clinics)
        .values({ name: c.name, slug: c.slug, timezone: c.timezone, isDemo: true })
        .returning({ id: clinics.id });
      clinicIds[c.key] = row!.id;
    }
    for (const s of DEMO_STAFF) {
      const [u] = await tx
        .insert(users)
        .values({ email: s.email, name: s.name, passwordHash, isDemo: true })
        .returning({ id: users.id });
      for (const role of s.roles)
        await tx.insert(memberships).values({ clinicId: clinicIds[s.clinic]!, userId: u!.id, role });
    }
    for (const c of DEMO_CLIENTS) {
      const clinicId = clinicIds[c.clinic]!;
      let userId: string | null = null;
      if (c.login) {
        const [u] = await tx
          .insert(users)
          .values({ email: c.email, name: `${c.firstName} ${c.lastName}`, passwordHash, isDemo: true })
          .returning({ id: users.id });
        userId = u!.id;
        await tx.insert(memberships).values({ clinicId, userId, role: "client" });
      }
      const { clinic: _clinic, login: _login, ...fields } = c;
      const [row] = await tx
        .insert(clients)
        .values({ clinicId, ...fields, userId })
        .returning({ id: clients.id });
      await tx.insert(auditEvents).values({
        clinicId,
        action: "client.created",
        entityType: "client",
        entityId: row!.id,
        details: { source: "demo-seed" },
      });
    }
    // Visits reference muscles: the reference data is synced by openPglite/openPostgres before this runs.
    await seedDemoHistory(tx);
    await seedDemoExercises(tx);
    // Not in test databases: tests book fixed dates for the demo therapists, which a week of
    // appointments relative to today would sometimes collide with (and seeded hours change slots).
    if (!process.env.VITEST) await seedDemoAppointments(tx);
    await seedDemoProgrammes(tx);
    await seedDemoBooking(tx);
    return "seeded";
  });
}
