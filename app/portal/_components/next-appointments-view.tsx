"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/layout";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";
import { bookingOptionsQuery, myAppointmentsQuery } from "@/app/_lib/queries/booking";
import type { BookingOptionsDto, MyAppointmentsDto } from "@/lib/scheduling/portal-booking/schemas";
import { AppointmentCard } from "./appointment-card";

/** How many upcoming appointments the home page shows before "See all". */
const SHOWN = 3;

export function NextAppointmentsView({
  initialAppointments,
  initialOptions,
}: {
  initialAppointments?: MyAppointmentsDto;
  initialOptions?: BookingOptionsDto;
}) {
  const mine = useQuery({ ...myAppointmentsQuery(), initialData: initialAppointments });
  const options = useQuery({ ...bookingOptionsQuery(), initialData: initialOptions });
  const upcoming = mine.data?.upcoming ?? [];
  const title = upcoming.length > 1 ? "Your next appointments" : "Your next appointment";

  return (
    <Card title={title}>
      {mine.isError ? (
        <Notice tone="danger" title="We could not load your appointments.">
          <p>Check your connection, then try again.</p>
          <Button type="button" variant="secondary" className="mt-3" onClick={() => void mine.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : !mine.data ? (
        <div role="status" aria-label="Loading your appointments" className="space-y-3">
          <Skeleton className="h-6 w-3/5" />
          <Skeleton className="h-12 w-full" />
        </div>
      ) : (
        <div className="space-y-3">
          {upcoming.length === 0 ? <p className="text-base text-muted">You have no appointments booked.</p> : null}
          {upcoming.slice(0, SHOWN).map((a) => (
            <AppointmentCard
              key={a.id}
              appointment={a}
              lateMessage={mine.data.lateCancellationMessage}
              noticeHours={mine.data.cancellationNoticeHours}
              canMove={Boolean(options.data?.canBook)}
            />
          ))}
          {options.data?.canBook ? (
            <ButtonLink href="/portal/book" className="min-h-12 w-full text-base">
              Book an appointment
            </ButtonLink>
          ) : options.data?.message ? (
            <p className="text-sm text-muted" data-testid="booking-unavailable">
              {options.data.message}
            </p>
          ) : null}
          <Link
            href="/portal/appointments"
            className="inline-flex min-h-11 items-center text-base text-accent-700 underline underline-offset-2"
          >
            {upcoming.length > SHOWN
              ? `See all ${upcoming.length} upcoming and past appointments`
              : "See all your appointments"}
          </Link>
        </div>
      )}
    </Card>
  );
}
