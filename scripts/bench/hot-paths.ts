// The hot paths of the growth table: each is what one request does (the lib calls a page's server render or
// an API route makes), given the demo therapist, the portal client Casey and the clinic's busiest client.
import { listMyDay } from "../../lib/scheduling/appointments/list-my-day";
import { listAppointments } from "../../lib/scheduling/appointments/list-appointments";
import { listAppointmentsQuery } from "../../lib/scheduling/appointments/calendar-schemas";
import { findFreeSlots } from "../../lib/scheduling/availability/find-free-slots";
import { slotsQuery } from "../../lib/scheduling/availability/schemas";
import { listClients } from "../../lib/clients/records/list-clients";
import { getClientOrThrow } from "../../lib/clients/records/get-client-or-throw";
import { listClientsQuery } from "../../lib/clients/schemas";
import { pageNeedsAttention } from "../../lib/outcomes/pain/attention";
import { clientAdherence } from "../../lib/programmes/adherence-report";
import { pageLowAdherence } from "../../lib/programmes/adherence-summaries";
import { programmeSettings } from "../../lib/programmes/load";
import { listClientVisits } from "../../lib/clinical/visits/list-client-visits";
import { getVisitOrThrow } from "../../lib/clinical/visits/get-visit-or-throw";
import { getChartHistory } from "../../lib/clinical/chart-history";
import { getProgress } from "../../lib/outcomes/pain/progress";
import { getPortalProgramme } from "../../lib/programmes/portal";
import { loadPortalHome } from "../../lib/portal/home";
import { clinicDb } from "../../db/clinic-db";
import { getClientAppointments } from "../../lib/scheduling/attendance/get-client-appointments";
import { listClientProgrammes } from "../../lib/programmes/programmes/list-client-programmes";
import { adherenceQuery } from "../../lib/programmes/schemas";
import { dailyTakings } from "../../lib/billing/reports/daily-takings";
import { unpaidAgeing } from "../../lib/billing/ageing";
import { localDateIn } from "../../lib/billing/rules/dates";
import type { Subject } from "./growth";
import { asOneRender } from "./one-render";

export interface HotPath {
  name: string;
  run: (s: Subject) => Promise<unknown>;
}

const DAY = 86_400_000;
const startOfToday = () => new Date(new Date().setUTCHours(0, 0, 0, 0));

export const hotPaths: HotPath[] = [
  {
    // The page's three cards render in one request; each list shows its first 10 rows ("Show more").
    name: "dashboard (today + attention + adherence)",
    run: ({ opened: { db }, therapist: a }) =>
      asOneRender(() =>
        Promise.all([
          listMyDay(db, a),
          pageNeedsAttention(db, a, 10),
          pageLowAdherence(db, a, 10),
          programmeSettings(db, a),
        ]),
      ),
  },
  { name: "needs-attention (first 10)", run: ({ opened: { db }, therapist: a }) => pageNeedsAttention(db, a, 10) },
  { name: "low adherence (first 10)", run: ({ opened: { db }, therapist: a }) => pageLowAdherence(db, a, 10) },
  {
    name: "calendar day (all therapists)",
    run: ({ opened: { db }, therapist: a }) =>
      listAppointments(
        db,
        a,
        listAppointmentsQuery.parse({
          from: startOfToday().toISOString(),
          to: new Date(startOfToday().getTime() + DAY).toISOString(),
        }),
      ),
  },
  {
    name: "calendar week (all therapists)",
    run: ({ opened: { db }, therapist: a }) =>
      listAppointments(
        db,
        a,
        listAppointmentsQuery.parse({
          from: new Date(startOfToday().getTime() - 3 * DAY).toISOString(),
          to: new Date(startOfToday().getTime() + 4 * DAY).toISOString(),
        }),
      ),
  },
  {
    name: "slot finder (14 days)",
    run: ({ opened: { db }, therapist: a, ids }) => findFreeSlots(db, a, ids.typeId, slotsQuery.parse({})),
  },
  {
    name: "client search (name 'sha')",
    run: ({ opened: { db }, therapist: a }) => listClients(db, a, listClientsQuery.parse({ q: "sha" })),
  },
  {
    name: "client search (phone)",
    run: ({ opened: { db }, therapist: a }) => listClients(db, a, listClientsQuery.parse({ q: "07700 900002" })),
  },
  {
    name: "client page: record",
    run: ({ opened: { db }, therapist: a, ids }) => getClientOrThrow(db, a, ids.clientId),
  },
  {
    name: "client page: visits",
    run: ({ opened: { db }, therapist: a, ids }) => listClientVisits(db, a, ids.clientId),
  },
  {
    name: "client page: appointments",
    run: ({ opened: { db }, therapist: a, ids }) => getClientAppointments(db, a, ids.clientId),
  },
  {
    name: "client page: programmes",
    run: ({ opened: { db }, therapist: a, ids }) => listClientProgrammes(db, a, ids.clientId),
  },
  {
    name: "client page: adherence (5 weeks)",
    run: ({ opened: { db }, therapist: a, ids }) =>
      clientAdherence(db, a, ids.clientId, adherenceQuery.parse({ weeks: 5 })),
  },
  { name: "visit", run: ({ opened: { db }, therapist: a, ids }) => getVisitOrThrow(db, a, ids.visitId) },
  {
    name: "chart history (10 visits)",
    run: ({ opened: { db }, therapist: a, ids }) => getChartHistory(db, a, ids.clientId, 10),
  },
  { name: "progress", run: ({ opened: { db }, therapist: a, ids }) => getProgress(db, a, ids.clientId) },
  {
    // The portal home's server render as app/portal/page.tsx does it: every card's read in one transaction on
    // the clinic's handle (getDb()), so the count includes the BEGIN (with the clinic setting) and the COMMIT.
    name: "portal home",
    run: ({ opened: { db }, portal: a }) => asOneRender(async () => loadPortalHome(await clinicDb(db, a.clinicId), a)),
  },
  { name: "portal programme", run: ({ opened: { db }, portal: a }) => getPortalProgramme(db, a) },
  {
    // End-of-day reconciliation for yesterday (a full day of payments) in the clinic's zone, as the admin.
    name: "billing: daily takings",
    run: ({ opened: { db }, admin: a }) =>
      dailyTakings(db, a, localDateIn(new Date(Date.now() - DAY), a.clinicTimezone)),
  },
  { name: "billing: unpaid ageing", run: ({ opened: { db }, admin: a }) => unpaidAgeing(db, a) },
];
