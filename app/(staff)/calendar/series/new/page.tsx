import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { listRooms } from "@/lib/scheduling/setup/list-rooms";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { listStaffRows } from "@/lib/identity/staff/list-staff";
import { PageHeader } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { SeriesPlanner } from "./series-planner";

export const metadata: Metadata = { title: "Book a series" };

export default async function NewSeriesPage({ searchParams }: { searchParams: Promise<{ client?: string }> }) {
  const actor = await requireActor({ permission: "schedule.manage" });
  const db = await getDb();
  const [types, rooms, staff] = await Promise.all([
    listAppointmentTypes(db, actor),
    listRooms(db, actor),
    listStaffRows(db, actor.clinicId),
  ]);
  const requested = (await searchParams).client;
  // A link from a client's page may name the client; anything not found just leaves the picker empty.
  const client =
    requested && /^[0-9a-f-]{36}$/i.test(requested)
      ? await getClientOrThrow(db, actor, requested).catch(() => null)
      : null;
  return (
    <>
      <PageHeader
        title="Book a series"
        description={`Weekly or every few weeks, for a number of sessions or until a date. Every date is checked before anything is booked. Times are in ${actor.clinicTimezone}.`}
        actions={
          <ButtonLink href="/calendar" variant="secondary">
            Back to the calendar
          </ButtonLink>
        }
      />
      <SeriesPlanner
        types={types.filter((t) => !t.archived)}
        therapists={staff.filter((s) => s.roles.includes("therapist")).map((s) => ({ id: s.userId, name: s.name }))}
        rooms={rooms.filter((r) => !r.archived)}
        initialClient={client && !client.archivedAt ? { id: client.id, name: displayName(client) } : null}
        defaultTherapistId={actor.roles.includes("therapist") ? actor.userId : null}
      />
    </>
  );
}
