"use client";
import { useQuery } from "@tanstack/react-query";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/feedback";
import { myAppointmentsQuery } from "@/app/_lib/queries/booking";
import type { MyAppointmentsDto } from "@/lib/scheduling/portal-booking/schemas";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";
import { AppointmentCard } from "../_components/appointment-card";

/** Upcoming (soonest first) and past or cancelled (latest first), kept fresh by react-query. */
export function MyAppointmentsView({
  initial,
  canBook,
  bookingMessage,
}: {
  initial: MyAppointmentsDto;
  canBook: boolean;
  bookingMessage: string | null;
}) {
  const { data = initial } = useQuery({ ...myAppointmentsQuery(), initialData: initial });
  const card = (a: MyAppointmentsDto["upcoming"][number], past: boolean) => (
    <li key={a.id}>
      <AppointmentCard
        appointment={a}
        lateMessage={data.lateCancellationMessage}
        noticeHours={data.cancellationNoticeHours}
        actions={!past}
        canMove={canBook}
      />
    </li>
  );
  return (
    <div className="space-y-6">
      {canBook ? (
        <ButtonLink href="/portal/book" className="min-h-12 w-full text-base">
          Book an appointment
        </ButtonLink>
      ) : bookingMessage ? (
        <p className="text-sm text-muted">{bookingMessage}</p>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming
        </h2>
        <p className="text-sm text-muted">
          You can {canBook ? "change or cancel" : "cancel"} online up to{" "}
          {formatNoticePeriod(data.cancellationNoticeHours)} before an appointment. Times are the clinic&apos;s local
          time ({data.timeZone}).
        </p>
        {data.upcoming.length === 0 ? (
          <EmptyState title="No upcoming appointments">{canBook ? "Book one whenever suits you." : null}</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label="Upcoming appointments">
            {data.upcoming.map((a) => card(a, false))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-lg font-semibold">
          Past and cancelled
        </h2>
        {data.past.length === 0 ? (
          <p className="text-base text-muted">Nothing yet.</p>
        ) : (
          <ul className="space-y-3" aria-label="Past and cancelled appointments">
            {data.past.map((a) => card(a, true))}
          </ul>
        )}
      </section>
    </div>
  );
}
