import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { ClinicSettings } from "./schemas";

/** The clinic's own settings (the actor's clinic, never another). */
export async function getClinicSettings(db: Db, actor: Actor): Promise<ClinicSettings> {
  const [c] = await db.select().from(clinics).where(eq(clinics.id, actor.clinicId));
  return {
    id: c!.id,
    name: c!.name,
    timezone: c!.timezone,
    locale: c!.locale,
    cancellationNoticeHours: c!.cancellationNoticeHours,
    onlineBooking: c!.onlineBooking,
    scopeWording: c!.scopeWording,
    openingHours: c!.openingHours,
    adherenceThresholdPct: c!.adherenceThresholdPct,
    reminderHoursBefore: c!.reminderHoursBefore,
    algometerUnit: c!.algometerUnit,
    requireTwoFactor: c!.requireTwoFactor,
    staffIdleTimeoutMinutes: c!.staffIdleTimeoutMinutes,
    smsQuietStartMinute: c!.smsQuietStartMinute,
    smsQuietEndMinute: c!.smsQuietEndMinute,
    version: c!.settingsVersion,
  };
}
