import "server-only";
import { DEFAULT_CLINIC_LOCALE } from "@/lib/format/clinic-locales";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import type { SessionInfo } from "@/lib/identity/session-info";
import { describeUserAgent } from "./rules/user-agent";
import { homePathFor, listUserClinics, loadActor } from "./actor";
import type { DeviceDto } from "./session-schemas";
import { endSession, endUserSessions } from "./sessions";

/** The signed-in person's live sessions, most recently active first; "this device" marked. */
export async function listMyDevices(db: Db, session: SessionInfo, now = new Date()): Promise<DeviceDto[]> {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      address: sessions.address,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, session.userId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.id,
    ...describeUserAgent(r.userAgent),
    address: r.address,
    signedInAt: r.createdAt.toISOString(),
    lastActiveAt: r.lastSeenAt.toISOString(),
    current: r.id === session.sessionId,
  }));
}

/**
 * Signs out one of the person's own sessions. Another person's session id changes nothing and
 * answers the same (no existence leak); this browser's own id is a normal sign-out.
 */
export async function signOutDevice(db: Db, session: SessionInfo, sessionId: string): Promise<void> {
  const [own] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, session.userId)));
  if (own) await endSession(db, own.id, "signed_out");
}

/** "Sign out everywhere else": every session of this login but the current one. */
export async function signOutOtherDevices(db: Db, session: SessionInfo): Promise<{ ended: number }> {
  // A request always knows its session (currentSession); only hand-built test sessions lack one.
  return {
    ended: await endUserSessions(db, session.userId, "signed_out_elsewhere", { keep: session.sessionId ?? null }),
  };
}

/**
 * What the devices page shows first: the list, and the zone and locale to show times in (the chosen
 * clinic's, else the person's first clinic's; UTC for a login with no clinic left).
 */
export async function devicesPageData(db: Db, session: SessionInfo) {
  const clinics = await listUserClinics(db, session.userId);
  const clinicId = clinics.find((c) => c.clinicId === session.clinicId)?.clinicId ?? clinics[0]?.clinicId;
  const actor = clinicId ? await loadActor(db, session.userId, clinicId) : null;
  return {
    devices: await listMyDevices(db, session),
    timezone: actor?.clinicTimezone ?? "UTC",
    locale: actor?.clinicLocale ?? DEFAULT_CLINIC_LOCALE,
    home: actor ? homePathFor(actor.roles) : "/select-clinic",
  };
}
