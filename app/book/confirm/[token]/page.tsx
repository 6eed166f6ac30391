import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPlatformDb } from "@/lib/server-db";
import { loadOr404, PublicPage } from "@/app/_components/shell/public-page";
import { confirmationParams } from "@/lib/scheduling/public-booking/schemas";
import { getConfirmation } from "@/lib/scheduling/public-booking/confirm-hold";
import { ConfirmBooking } from "./confirm-booking";

export const metadata: Metadata = { title: "Confirm your booking" };

/**
 * The emailed link lands here. Opening it confirms nothing (mail scanners open links too):
 * the person presses Confirm, which POSTs once; a repeat answers with the same outcome.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const parsed = confirmationParams.safeParse({ token: (await params).token });
  if (!parsed.success) notFound();
  const confirmation = await loadOr404(async () => getConfirmation(await getPlatformDb(), parsed.data.token));
  return (
    <PublicPage clinicName={confirmation.clinicName} title="Confirm your booking">
      <ConfirmBooking token={parsed.data.token} initial={confirmation} />
    </PublicPage>
  );
}
