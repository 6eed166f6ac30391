import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { listStaffRows } from "@/lib/identity/staff/list-staff";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { EntryForm } from "./entry-form";
import { FreedSlotPanel, RecentlyFreed } from "./freed-slots";
import { WaitlistList } from "./waitlist-list";
import { BookingRequests } from "./booking-requests";

export const metadata: Metadata = { title: "Waitlist" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function WaitlistPage({ searchParams }: { searchParams: Promise<{ appointment?: string }> }) {
  const actor = await requireActor({ permission: "schedule.manage" });
  const db = await getDb();
  const [types, staff] = await Promise.all([listAppointmentTypes(db, actor), listStaffRows(db, actor.clinicId)]);
  const appointment = (await searchParams).appointment;
  const typeOptions = types.filter((t) => !t.archived).map((t) => ({ id: t.id, name: t.name }));
  const therapists = staff.filter((s) => s.roles.includes("therapist")).map((s) => ({ id: s.userId, name: s.name }));
  return (
    <>
      <PageHeader
        title="Waitlist"
        description="Clients who would like an earlier appointment, and who fits each slot that frees up."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-6">
          {appointment && UUID.test(appointment) ? <FreedSlotPanel appointmentId={appointment} /> : null}
          <BookingRequests />
          <RecentlyFreed />
          <WaitlistList types={typeOptions} therapists={therapists} />
        </div>
        <Card title="Add a client" className="self-start">
          <EntryForm types={typeOptions} therapists={therapists} />
        </Card>
      </div>
    </>
  );
}
