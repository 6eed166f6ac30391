import Link from "next/link";
import { ArrivalFocus } from "@/app/_components/shell/arrival-focus";
import { requireActor } from "@/lib/identity/require-actor";
import { forbidden } from "next/navigation";
import { listMyClinics } from "@/lib/identity/my-clinics";
import { SignOutButton } from "@/app/_components/auth/sign-out-button";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";

/** Phone-first frame: one column, large targets, the clinic's name always visible. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!actor.roles.includes("client")) forbidden();
  const clinics = (await listMyClinics()) ?? [];
  return (
    <div className="min-h-dvh bg-surface">
      <header className="no-print border-b border-line bg-white">
        <div className="mx-auto flex max-w-xl items-center justify-between gap-2 px-4 py-3">
          <div>
            <Link href="/portal" className="font-semibold text-accent-700">
              Knotwork
            </Link>
            <p className="text-xs text-muted">{actor.clinicName}</p>
          </div>
          <div className="flex items-center gap-2">
            {clinics.length > 1 ? (
              <Link href="/select-clinic" className="text-sm text-accent-700 underline">
                Switch clinic
              </Link>
            ) : null}
            <Link href="/portal/invoices" className="text-sm text-accent-700 underline">
              Invoices
            </Link>
            <Link href="/portal/account" className="text-sm text-accent-700 underline">
              Account
            </Link>
            <Link href="/account/devices" className="text-sm text-accent-700 underline">
              Devices
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <ArrivalFocus />
        <ClinicFormatProvider settings={{ locale: actor.clinicLocale, timeZone: actor.clinicTimezone }}>
          {children}
        </ClinicFormatProvider>
      </main>
    </div>
  );
}
