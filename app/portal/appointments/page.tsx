import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/list-my-appointments";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";
import { MyAppointmentsView } from "./my-appointments-view";

export const metadata: Metadata = { title: "My appointments" };

export default async function MyAppointmentsPage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const db = await getDb();
  const [mine, options] = await Promise.all([listMyAppointments(db, actor), getBookingOptions(db, actor)]);
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">My appointments</h1>
      <MyAppointmentsView initial={mine} canBook={options.canBook} bookingMessage={options.message} />
    </div>
  );
}
