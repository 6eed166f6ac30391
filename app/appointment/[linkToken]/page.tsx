import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPlatformDb } from "@/lib/server-db";
import { loadOr404, PublicPage } from "@/app/_components/shell/public-page";
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
  const appointment = await loadOr404(async () => getManagedAppointment(await getPlatformDb(), parsed.data.linkToken));
  return (
    <PublicPage clinicName={appointment.clinicName} title="Your appointment">
      <ManageAppointment token={parsed.data.linkToken} initial={appointment} />
    </PublicPage>
  );
}
