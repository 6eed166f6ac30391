import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/http/errors";
import { appointmentLinkParams } from "@/lib/messaging/schemas";
import { getManagedAppointment } from "@/lib/messaging/manage-appointment";
import { ManageAppointment } from "./manage-appointment";

export const metadata: Metadata = { title: "Your appointment", robots: { index: false } };

/**
 * The signed link in every appointment message lands here, without sign-in. Opening it changes
 * nothing (mail scanners open links too): cancelling takes a press and a confirmation.
 */
export default async function AppointmentLinkPage({ params }: { params: Promise<{ linkToken: string }> }) {
  await connection();
  const parsed = appointmentLinkParams.safeParse({ linkToken: (await params).linkToken });
  if (!parsed.success) notFound();
  let appointment;
  try {
    appointment = await getManagedAppointment(await getDb(), parsed.data.linkToken);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <div className="min-h-dvh bg-surface">
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-xl px-4 py-3">
          <p className="text-lg font-semibold text-accent-700">{appointment.clinicName}</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Your appointment</h1>
        <ManageAppointment token={parsed.data.linkToken} initial={appointment} />
      </main>
    </div>
  );
}
