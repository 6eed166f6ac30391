import Link from "next/link";
import { formatFor } from "@/lib/format/clinic-format";
import type { Actor } from "@/lib/identity/actor";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { listMyDay } from "@/lib/scheduling/appointments/list-my-day";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { Card } from "@/app/_components/ui/layout";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { OpenVisitButton } from "../calendar/_components/open-visit-button";

const STATUS: Record<AppointmentView["status"], { label: string; tone: "neutral" | "info" | "success" | "warning" }> = {
  booked: { label: "Booked", tone: "neutral" },
  arrived: { label: "Arrived", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  cancelled: { label: "Cancelled", tone: "warning" },
  no_show: { label: "No-show", tone: "warning" },
};

/** The therapist's day: today's appointments in order, each one click from its visit. */
export async function TodaysAppointments({ actor }: { actor: Actor }) {
  let day: AppointmentView[];
  try {
    day = await listMyDay(await getDb(), actor);
  } catch {
    return (
      <Card title="Today's appointments">
        <Notice tone="danger">Today&apos;s appointments did not load. Reload the page to try again.</Notice>
      </Card>
    );
  }
  const fmt = formatFor(actor);
  const visits = can(actor, "clinical.write");
  return (
    <Card
      title={day.length ? `Today's appointments (${day.length})` : "Today's appointments"}
      actions={
        <Link
          href="/calendar"
          className="inline-flex min-h-11 items-center text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Calendar
        </Link>
      }
    >
      {day.length === 0 ? (
        <EmptyState title="No appointments today">
          Your bookings for today appear here in time order. The calendar shows the rest of the week.
        </EmptyState>
      ) : (
        <ol className="divide-y divide-line" data-testid="todays-appointments">
          {day.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3">
              <span className="tabular w-28 shrink-0 whitespace-nowrap text-sm font-semibold text-ink">
                {fmt.timeRange(a.startsAt, a.endsAt)}
              </span>
              <span className="min-w-0 flex-1">
                <Link
                  href={`/clients/${a.clientId}`}
                  className="font-semibold text-accent-700 underline-offset-2 hover:underline"
                >
                  {a.clientName}
                </Link>
                <span className="block text-sm text-muted">
                  <span
                    aria-hidden
                    className="mr-1 inline-block size-2.5 rounded-full align-middle"
                    style={{ background: a.typeColour }}
                  />
                  {a.typeName}
                  {a.roomName ? ` · ${a.roomName}` : ""}
                </span>
              </span>
              <Badge tone={STATUS[a.status].tone}>{STATUS[a.status].label}</Badge>
              {visits && a.status !== "no_show" ? (
                a.visitId ? (
                  <Link
                    href={`/visits/${a.visitId}`}
                    className="inline-flex min-h-11 items-center text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
                  >
                    Go to visit<span className="sr-only"> for {a.clientName}</span>
                  </Link>
                ) : (
                  <OpenVisitButton appointmentId={a.id} clientName={a.clientName} />
                )
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
