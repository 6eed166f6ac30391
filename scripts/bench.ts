// Prints figures for the hot paths on an in-memory PGlite (or DATABASE_URL's server):
// migrate + seed, client search, visit detail, chart history, progress, the calendar week, the
// slot finder, the portal's programme. No pass/fail.
// Run: npm run bench   (sections: BENCH_SECTIONS=paths,servers,weight,start or `npm run bench -- servers weight`;
// all by default; see the README's Benchmarks section)
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres } from "../db/open";
import { seedDemo } from "../db/seed/demo";
import { loadActor } from "../lib/identity/actor";
import { listClients } from "../lib/clients/records/list-clients";
import { listClientsQuery } from "../lib/clients/schemas";
import { createVisit } from "../lib/clinical/visits/create-visit";
import { createFinding } from "../lib/clinical/findings/create-finding";
import { createFindingBody } from "../lib/clinical/schemas";
import { getVisitOrThrow } from "../lib/clinical/visits/get-visit-or-throw";
import { getChartHistory } from "../lib/clinical/chart-history";
import { getProgress } from "../lib/outcomes/pain/progress";
import { listAppointments } from "../lib/scheduling/appointments/list-appointments";
import { listAppointmentsQuery } from "../lib/scheduling/appointments/calendar-schemas";
import { findFreeSlots } from "../lib/scheduling/availability/find-free-slots";
import { slotsQuery } from "../lib/scheduling/availability/schemas";
import { getPortalProgramme } from "../lib/programmes/portal";
import { sql } from "drizzle-orm";
import { rowsOf } from "../db/client";
import { runGrowthBench } from "./bench/growth";
import { selectedSections } from "./bench/sections";
import { benchServers } from "./bench/servers";
import { benchPageWeight } from "./bench/page-weight";
import { benchEmbeddedStart } from "./bench/embedded-start";
import { benchRls } from "./bench/rls";
import { benchPortalLcp } from "./bench/portal-lcp";

async function time<T>(label: string, runs: number, fn: () => Promise<T>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(
    `${label.padEnd(38)} runs=${String(runs).padStart(4)}  median=${p(0.5).padStart(7)} ms  p95=${p(0.95).padStart(7)} ms`,
  );
}

async function hotPaths() {
  const t0 = performance.now();
  const opened = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(null);
  await seedDemo(opened.db);
  console.log(
    `database: ${opened.kind}; open + migrate + reference + demo seed: ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const db = opened.db;
  const [ids] = rowsOf<{ user: string; clinic: string }>(
    await db.execute(sql`
    select u.id as "user", m.clinic_id as clinic from users u join memberships m on m.user_id = u.id where u.email = 'therapist@demo.test'`),
  );
  const actor = (await loadActor(db, ids!.user, ids!.clinic))!;
  const { items } = await listClients(db, actor, listClientsQuery.parse({ q: "Priya" }));
  const clientId = items[0]!.id;
  // A client with a long history: 40 visits of 6 findings each.
  let visitId = "";
  for (let v = 0; v < 40; v++) {
    visitId = (
      await createVisit(db, actor, clientId, { startedAt: new Date(Date.UTC(2026, 0, 1 + v * 7)).toISOString() })
    ).id;
    const existing = (await getVisitOrThrow(db, actor, visitId)).findings.length;
    for (let f = existing; f < 6; f++) {
      await createFinding(
        db,
        actor,
        visitId,
        createFindingBody.parse({
          view: "back",
          x: 0.55 + f * 0.01,
          y: 0.2 + f * 0.02,
          muscleId: "upper_trapezius",
          side: "right",
          type: "active",
          tenderness: 5,
        }),
      );
    }
  }
  console.log("client with 40 visits x 6 findings prepared");
  await time("loadActor (every request)", 200, () => loadActor(db, ids!.user, ids!.clinic));
  await time("listClients search 'sha'", 200, () => listClients(db, actor, listClientsQuery.parse({ q: "sha" })));
  await time("listClients phone digits", 200, () =>
    listClients(db, actor, listClientsQuery.parse({ q: "07700 900002" })),
  );
  await time("getVisitOrThrow (6 findings + ghosts)", 100, () => getVisitOrThrow(db, actor, visitId));
  await time("getChartHistory (last 10 visits)", 50, () => getChartHistory(db, actor, clientId, 10));
  await time("getProgress", 50, () => getProgress(db, actor, clientId));
  // The demo calendar: a week of appointments around today.
  const week = listAppointmentsQuery.parse({
    from: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    to: new Date(Date.now() + 4 * 86_400_000).toISOString(),
  });
  await time("listAppointments (calendar week, all therapists)", 100, () => listAppointments(db, actor, week));
  const [type] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from appointment_types where clinic_id = ${ids!.clinic} and archived_at is null limit 1`,
    ),
  );
  await time("findFreeSlots (14 days, every therapist, 10 slots)", 50, () =>
    findFreeSlots(db, actor, type!.id, slotsQuery.parse({})),
  );
  const [casey] = rowsOf<{ user: string }>(
    await db.execute(sql`select id as "user" from users where email = 'client@demo.test'`),
  );
  const client = (await loadActor(db, casey!.user, ids!.clinic))!;
  await time("getPortalProgramme (today + week's adherence)", 100, () => getPortalProgramme(db, client));
  console.log(`rss after run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  await opened.close();
}

async function main() {
  const sections = selectedSections();
  if (sections.has("paths")) await hotPaths();
  if (sections.has("growth")) await runGrowthBench();
  if (sections.has("servers")) await benchServers();
  if (sections.has("weight")) await benchPageWeight();
  if (sections.has("start")) await benchEmbeddedStart();
  if (sections.has("rls")) await benchRls();
  if (sections.has("lcp")) await benchPortalLcp();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
