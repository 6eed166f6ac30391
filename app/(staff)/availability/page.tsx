import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { listStaffRows } from "@/lib/identity/staff/list-staff";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { PageHeader } from "@/app/_components/ui/layout";
import { AvailabilityEditor } from "./availability-editor";
import { getCalendarFeed } from "@/lib/scheduling/calendar-feed/get-calendar-feed";
import { CalendarFeedCard } from "./calendar-feed-card";

export const metadata: Metadata = { title: "Availability" };

export default async function AvailabilityPage({ searchParams }: { searchParams: Promise<{ therapist?: string }> }) {
  const actor = await requireActor({ permission: "schedule.manage" });
  const nine = formatFor(actor).wall("09:00");
  const db = await getDb();
  const staff = (await listStaffRows(db, actor.clinicId)).filter((s) => s.roles.includes("therapist"));
  // Admins manage every therapist's diary; a therapist sees their own.
  const therapists = can(actor, "clinic.settings") ? staff : staff.filter((s) => s.userId === actor.userId);
  const requested = (await searchParams).therapist;
  const current = therapists.find((t) => t.userId === requested) ?? therapists[0];
  const types = (await listAppointmentTypes(db, actor)).filter((t) => !t.archived);
  const feed = current ? await getCalendarFeed(db, actor, current.userId).catch(() => undefined) : undefined;
  return (
    <>
      <PageHeader
        title="Availability"
        description={`Working hours in the clinic's time zone (${actor.clinicTimezone}); a ${nine} start stays ${nine} across clock changes.`}
      />
      {current ? (
        <>
          <AvailabilityEditor
            key={current.userId}
            therapists={therapists.map((t) => ({ id: t.userId, name: t.name }))}
            therapistId={current.userId}
            types={types}
          />
          <div className="mt-6 max-w-2xl">
            <CalendarFeedCard
              key={current.userId}
              therapistId={current.userId}
              own={current.userId === actor.userId}
              initial={feed}
            />
          </div>
        </>
      ) : (
        <p className="text-sm text-muted">No therapists in this clinic yet. Invite one from Staff.</p>
      )}
    </>
  );
}
