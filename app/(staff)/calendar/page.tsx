import type { Metadata } from "next";
import { Suspense } from "react";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { listRooms } from "@/lib/scheduling/setup/list-rooms";
import { listClinicTherapists } from "@/lib/scheduling/appointments/list-clinic-therapists";
import { CalendarView } from "./_components/calendar-view";
import { CalendarSkeleton } from "./_components/calendar-skeleton";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const actor = await requireActor({ permission: "schedule.manage" });
  const db = await getDb();
  const [settings, rooms, types, therapists] = await Promise.all([
    getClinicSettings(db, actor),
    listRooms(db, actor),
    listAppointmentTypes(db, actor),
    listClinicTherapists(db, actor),
  ]);
  return (
    // The view reads its date, view and filters from the URL (useSearchParams), hence the boundary.
    <Suspense fallback={<CalendarSkeleton />}>
      <CalendarView
        timeZone={actor.clinicTimezone}
        openingHours={settings.openingHours}
        rooms={rooms.filter((r) => !r.archived)}
        types={types.filter((t) => !t.archived)}
        therapists={therapists}
        cancellationNoticeHours={settings.cancellationNoticeHours}
        me={{
          userId: actor.userId,
          isTherapist: actor.roles.includes("therapist"),
          editsAll: can(actor, "clinic.settings"),
          canOpenVisits: can(actor, "clinical.write"),
          canBill: can(actor, "billing.manage"),
        }}
      />
    </Suspense>
  );
}
