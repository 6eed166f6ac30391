import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { isStaff } from "@/lib/identity/actor";
import { staffNav } from "@/lib/identity/navigation";
import { listMyClinics } from "@/lib/identity/my-clinics";
import { AppShell } from "@/app/_components/shell/app-shell";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";

// Each page checks its own permission too: layouts do not re-run on client navigation.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!isStaff(actor)) forbidden();
  const clinics = (await listMyClinics()) ?? [];
  return (
    <AppShell
      user={{ name: actor.name, clinicName: actor.clinicName, roles: actor.roles, canSwitchClinic: clinics.length > 1 }}
      nav={staffNav(actor.roles, actor.grants)}
    >
      <ClinicFormatProvider settings={{ locale: actor.clinicLocale, timeZone: actor.clinicTimezone }}>
        {children}
      </ClinicFormatProvider>
    </AppShell>
  );
}
