// Gives every e2e spec file a clinic of its own (README: Tests): random names and emails, its own
// staff and clients, made through the same lib functions the API uses. scripts/test-e2e.sh runs it
// after the demo seed and before the server starts (PGlite's folder is the server's alone once it
// runs), and Playwright reads the manifest it writes (E2E_MANIFEST) through e2e/fixtures.ts.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openPglite, openPostgres } from "@/db/open";
import { appointmentTypes, clients, clinics, memberships, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/identity/actor";
import { createClient } from "@/lib/clients/records/create-client";
import { clientFields } from "@/lib/clients/schemas";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { appointmentTypeBody } from "@/lib/scheduling/setup/schemas";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";
import { seedVisitHistories } from "./e2e-seed/visit-history";
import type { SeededClient, SeededClinic, SeededStaff, SeedManifest } from "@/e2e/seeded-clinic";
import { withSecondClinicFor } from "./e2e-seed/second-clinic";
import { seedNewYorkClinic } from "./e2e-seed/new-york-clinic";

const FIRST = ["Avery", "Blake", "Corin", "Dana", "Eden", "Frankie", "Greer", "Harper", "Indy", "Jules", "Kit", "Lane"];
const PLACES = ["Harbour", "Meadow", "Riverside", "Northgate", "Hillcrest", "Elmwood", "Bayview", "Linden"];

const letters = (n: number) =>
  Array.from(randomBytes(n), (b, i) => (i % 2 ? "aeiou"[b % 5] : "bcdfghjklmnprstvz"[b % 17])).join("");
const pick = <T>(xs: readonly T[]) => xs[randomBytes(1)[0]! % xs.length]!;
/** The pool in a random order: first names are drawn from it without repeats within a clinic. */
const shuffled = <T>(xs: readonly T[]) =>
  xs
    .map((x) => [randomBytes(4).readUInt32BE(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
/** A made-up surname: letters only, so it reads as a name and needs no escaping in a pattern. */
const surname = () => {
  const s = letters(7);
  return s[0]!.toUpperCase() + s.slice(1);
};

// The demo clinic's week (db/seed/demo-appointments.ts), so specs find the hours they are used to.
const OPENING = [1, 2, 3, 4, 5]
  .map((weekday) => ({ weekday, start: "08:00", end: "19:00" }))
  .concat({ weekday: 6, start: "09:00", end: "13:00" });
const SPLIT_SHIFT = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "13:00" },
  { weekday, start: "14:00", end: "18:00" },
]);
const TYPES = [
  { name: "Initial assessment", durationMin: 60, bufferAfterMin: 15, colour: "#0f6b73", bookableOnline: false },
  { name: "Follow-up treatment", durationMin: 45, bufferAfterMin: 15, colour: "#7c3aed", bookableOnline: true },
  { name: "Review", durationMin: 30, bufferAfterMin: 0, colour: "#b45309", bookableOnline: true },
];

async function seedSpecClinic(db: Db, spec: string, password: string, passwordHash: string): Promise<SeededClinic> {
  const token = letters(6);
  const place = pick(PLACES);
  // Distinct first names, as notices and the calendar say "Moved Avery K. … with Blake".
  const firstNames = shuffled(FIRST);
  const [clinic] = await db
    .insert(clinics)
    .values({
      name: `${place} ${surname()} Clinic`,
      slug: `e2e-${spec.replace(/\.spec\.ts$/, "")}-${token}`,
      timezone: "Europe/London",
      openingHours: OPENING,
      onlineBooking: true,
      publicBooking: true,
    })
    .returning();
  const clinicId = clinic!.id;

  // There is no use case that opens a clinic or adds a member without an emailed invitation, so
  // the accounts are inserted as the demo seed inserts them; the rest goes through lib.
  const person = async (role: "admin" | "therapist", label: string, firstName: string): Promise<SeededStaff> => {
    const name = `${firstName} ${surname()}`;
    const email = `${label}.${token}@e2e.test`;
    const [u] = await db.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
    await db.insert(memberships).values({ clinicId, userId: u!.id, role });
    return { userId: u!.id, email, name, firstName, password };
  };
  const admin = await person("admin", "admin", firstNames.pop()!);
  // The first therapist sorts first, as Tara before Theo in the demo: the calendar opens on them.
  const [first, second] = [firstNames.pop()!, firstNames.pop()!].sort();
  const therapist = await person("therapist", "therapist", first!);
  const therapist2 = await person("therapist", "therapist2", second!);
  const actor: Actor = (await loadActor(db, admin.userId, clinicId))!;

  const rooms = [];
  for (const name of ["Room 1", "Room 2", "Studio"]) rooms.push(await createRoom(db, actor, { name }));
  const types = [];
  for (const t of TYPES) types.push(await createAppointmentType(db, actor, appointmentTypeBody.parse(t)));
  await db.update(appointmentTypes).set({ bookableByNewClients: true }).where(eq(appointmentTypes.id, types[0]!.id));
  await setWeeklyHours(db, actor, therapist.userId, { blocks: SPLIT_SHIFT, version: 0 });

  const newClient = async (i: number): Promise<SeededClient> => {
    const firstName = firstNames.pop()!;
    const lastName = surname();
    const email = `${firstName}.${lastName}.${token}@e2e.test`.toLowerCase();
    const phone = `+44 7700 9${String(i).padStart(2, "0")}${String(randomBytes(2).readUInt16BE() % 1000).padStart(3, "0")}`;
    const input = clientFields.parse({ firstName, lastName, email, phone, dateOfBirth: `19${70 + i}-0${1 + i}-1${i}` });
    const made = await createClient(db, actor, input);
    return { id: made.id, firstName, lastName, name: `${firstName} ${lastName}`, email, phone };
  };
  const client = await newClient(0);
  const [login] = await db
    .insert(users)
    .values({ email: client.email, name: client.name, passwordHash })
    .returning({ id: users.id });
  await db.insert(memberships).values({ clinicId, userId: login!.id, role: "client" });
  await db.update(clients).set({ userId: login!.id }).where(eq(clients.id, client.id));
  const others = [];
  for (let i = 1; i <= 5; i++) others.push(await newClient(i));

  return {
    spec,
    clinicId,
    name: clinic!.name,
    slug: clinic!.slug,
    timezone: clinic!.timezone,
    admin,
    therapist,
    therapist2,
    client: { ...client, userId: login!.id, password },
    clients: others,
    rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
    types: types.map((t) => ({ id: t.id, name: t.name, durationMin: t.durationMin, bookableOnline: t.bookableOnline })),
  };
}

async function main() {
  const out = process.env.E2E_MANIFEST;
  if (!out) throw new Error("E2E_MANIFEST names the file to write the manifest to");
  // scripts/test-e2e.sh names the spec files of a partial run (E2E_SPECS), so a one-spec run seeds one clinic.
  const only = new Set((process.env.E2E_SPECS ?? "").split(/\s+/).filter(Boolean));
  const specs = fs
    .readdirSync(path.resolve("e2e"))
    .filter((f) => f.endsWith(".spec.ts") && (only.size === 0 || only.has(f)))
    .sort();
  if (only.size > specs.length) throw new Error(`no such spec file: ${[...only].filter((f) => !specs.includes(f))}`);
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  try {
    const password = `e2e-${randomBytes(12).toString("hex")}`;
    const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const manifest: SeedManifest = {};
    for (const spec of specs) {
      manifest[spec] = await withSecondClinicFor(spec, () => seedSpecClinic(opened.db, spec, password, passwordHash));
    }
    await seedNewYorkClinic(opened.db, manifest);
    await seedVisitHistories(opened.db, manifest);
    fs.writeFileSync(out, JSON.stringify(manifest, null, 2));
    console.log(`A clinic of its own for each of ${specs.length} specs (${opened.kind}).`);
  } finally {
    await opened.close();
  }
}

main().catch((err) => {
  console.error(`e2e seed failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  process.exit(1);
});
