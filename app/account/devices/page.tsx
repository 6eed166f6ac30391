import type { Metadata } from "next";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";
import { redirect } from "next/navigation";
import Link from "next/link";
import { getPlatformDb } from "@/lib/server-db";
import { currentSession } from "@/lib/identity/session";
import { devicesPageData } from "@/lib/identity/devices";
import { PageHeader } from "@/app/_components/ui/layout";
import { DeviceList } from "./device-list";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Signed-in devices" };

/** Every login, staff or client, sees where it is signed in and can end any of it. */
export default async function DevicesPage() {
  const db = await getPlatformDb();
  const session = await currentSession();
  if (!session) redirect("/signin?callbackUrl=/account/devices");
  const { devices, timezone, locale, home } = await devicesPageData(db, session);
  return (
    <div className="min-h-dvh bg-surface">
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        <p className="mb-4 text-sm">
          <Link href={home} className="text-accent-700 underline underline-offset-2">
            ← Back to Knotwork
          </Link>
        </p>
        <PageHeader
          title="Signed-in devices"
          description="Where your login is signed in now. Sign out anything you do not recognise, then change your password."
        />
        <div className="space-y-6">
          <ClinicFormatProvider settings={{ locale, timeZone: timezone }}>
            <DeviceList initialDevices={devices} />
          </ClinicFormatProvider>
          <ChangePasswordForm />
        </div>
      </main>
    </div>
  );
}
