import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { listRooms } from "@/lib/scheduling/setup/list-rooms";
import { listStaffRows } from "@/lib/identity/staff/list-staff";
import { clinicTimeZones } from "@/lib/format/clinic-locales";
import { PageHeader } from "@/app/_components/ui/layout";
import { SettingsForm } from "./settings-form";
import { RoomsCard } from "./rooms-card";
import { TypesCard } from "./types-card";
import { PublicBookingCard } from "./public-booking-card";
import { getPublicBookingSettings } from "@/lib/scheduling/public-booking/get-public-booking-settings";
import { appUrl } from "@/lib/app-url";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const actor = await requireActor({ permission: "clinic.settings" });
  const db = await getDb();
  const [settings, rooms, types, staff, publicBooking] = await Promise.all([
    getClinicSettings(db, actor),
    listRooms(db, actor),
    listAppointmentTypes(db, actor),
    listStaffRows(db, actor.clinicId),
    getPublicBookingSettings(db, actor),
  ]);
  const therapists = staff.filter((s) => s.roles.includes("therapist")).map((s) => ({ id: s.userId, name: s.name }));
  return (
    <>
      <PageHeader
        title="Clinic settings"
        description="Time zone, date format, opening hours, booking policy, rooms and appointment types."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <SettingsForm initial={settings} timeZones={clinicTimeZones()} />
        <div className="space-y-6">
          <RoomsCard initial={rooms} />
          <TypesCard initial={types} therapists={therapists} />
          <PublicBookingCard initial={publicBooking} origin={appUrl()} />
        </div>
      </div>
    </>
  );
}
