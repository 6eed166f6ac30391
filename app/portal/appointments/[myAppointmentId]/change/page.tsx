import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/list-my-appointments";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";
import { RESCHEDULE_MESSAGES } from "@/lib/scheduling/portal-booking/reschedule-checks";
import { Notice } from "@/app/_components/ui/feedback";
import { RescheduleFlow } from "./reschedule-flow";

export const metadata: Metadata = { title: "Change an appointment" };

export default async function ChangeAppointmentPage({ params }: { params: Promise<{ myAppointmentId: string }> }) {
  const { myAppointmentId } = await params;
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const db = await getDb();
  const [mine, options] = await Promise.all([listMyAppointments(db, actor), getBookingOptions(db, actor)]);
  // Only the client's own upcoming appointments; anyone else's id is simply not found.
  const appointment = mine.upcoming.find((a) => a.id === myAppointmentId);
  if (!appointment) notFound();
  const why = !options.canBook
    ? options.message
    : appointment.status !== "booked" || !appointment.typeBookableOnline
      ? RESCHEDULE_MESSAGES.notBooked
      : !appointment.cancellable
        ? RESCHEDULE_MESSAGES.late(mine.cancellationNoticeHours)
        : null;
  return (
    <div className="space-y-4">
      <Link
        href="/portal/appointments"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to my appointments
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Change an appointment</h1>
      {why ? (
        <Notice tone="info" title="This appointment can't be moved online" testId="reschedule-unavailable">
          {why}
        </Notice>
      ) : (
        <RescheduleFlow appointment={appointment} clinicName={options.clinicName} />
      )}
    </div>
  );
}
