import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";
import { Notice } from "@/app/_components/ui/feedback";
import { BookingFlow } from "./booking-flow";

export const metadata: Metadata = { title: "Book an appointment" };

export default async function BookPage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const options = await getBookingOptions(await getDb(), actor);
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Book an appointment</h1>
      {options.canBook ? (
        <BookingFlow options={options} />
      ) : (
        <Notice tone="info" title="Online booking isn't available" testId="booking-unavailable">
          {options.message}
        </Notice>
      )}
    </div>
  );
}
