import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/http/errors";
import { confirmationParams } from "@/lib/public-booking/schemas";
import { getConfirmation } from "@/lib/public-booking/confirm-hold";
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
  let confirmation;
  try {
    confirmation = await getConfirmation(await getDb(), parsed.data.token);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <div className="min-h-dvh bg-surface">
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-xl px-4 py-3">
          <p className="text-lg font-semibold text-accent-700">{confirmation.clinicName}</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Confirm your booking</h1>
        <ConfirmBooking token={parsed.data.token} initial={confirmation} />
      </main>
    </div>
  );
}
