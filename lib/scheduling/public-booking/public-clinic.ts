import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { notFound } from "@/lib/errors";

/** How long a slot stays held while the visitor confirms by the emailed link. */
export const HOLD_MINUTES = 10;

export interface PublicClinic {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  locale: Actor["clinicLocale"];
  enabled: boolean;
  leadHours: number;
  horizonDays: number;
  requiresApproval: boolean;
  cancellationNoticeHours: number;
  embedOrigins: string[];
}

const columns = {
  id: clinics.id,
  name: clinics.name,
  slug: clinics.slug,
  timezone: clinics.timezone,
  locale: clinics.locale,
  enabled: clinics.publicBooking,
  leadHours: clinics.publicLeadHours,
  horizonDays: clinics.publicHorizonDays,
  requiresApproval: clinics.publicRequiresApproval,
  cancellationNoticeHours: clinics.cancellationNoticeHours,
  embedOrigins: clinics.embedOrigins,
};

/** The clinic behind /book/{slug}. A clinic without the public page is as unknown as no clinic. */
export async function publicClinicOrThrow(db: Db, slug: string): Promise<PublicClinic> {
  const [c] = await db.select(columns).from(clinics).where(eq(clinics.slug, slug));
  if (!c || !c.enabled) throw notFound("That booking page");
  return c;
}

export async function publicClinicById(db: Db, id: string): Promise<PublicClinic> {
  const [c] = await db.select(columns).from(clinics).where(eq(clinics.id, id));
  if (!c) throw notFound("That booking");
  return c;
}

/**
 * Nobody is signed in on the public page, yet the slot engine reads through actor-scoped
 * queries. This actor has no roles (every permission check refuses) and exists only so those
 * queries are scoped to the one clinic in the URL. Audit events use `{ clinicId, userId: null }`.
 */
export function visitorOf(c: PublicClinic): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    email: "",
    name: "Online booking",
    clinicId: c.id,
    clinicName: c.name,
    clinicTimezone: c.timezone,
    clinicLocale: c.locale,
    roles: [],
    grants: [],
    clientId: null,
    twoFactorSetupRequired: false,
  };
}
