import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/my-appointments";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/online-booking";
import { Card } from "@/app/_components/ui/layout";
import { Skeleton } from "@/app/_components/ui/feedback";
import { NextAppointmentsView } from "./next-appointments-view";

/**
 * The portal home's appointment card: the next appointment(s) with "Add to calendar" and
 * "Cancel", and "Book an appointment" when the client may book online. Read on the server for
 * the first paint; if a read fails here the card fetches for itself and shows its own error.
 */
export async function NextAppointments({ actor }: { actor: Actor }) {
  const db = await getDb();
  const [mine, options] = await Promise.all([
    listMyAppointments(db, actor).catch(() => undefined),
    getBookingOptions(db, actor).catch(() => undefined),
  ]);
  return <NextAppointmentsView initialAppointments={mine} initialOptions={options} />;
}

/** The card's shape while the server streams it in. */
export function NextAppointmentsSkeleton() {
  return (
    <Card title="Your next appointment">
      <div role="status" aria-label="Loading your appointments" className="space-y-3">
        <Skeleton className="h-6 w-3/5" />
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-12 w-full" />
      </div>
    </Card>
  );
}
