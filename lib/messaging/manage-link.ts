import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { devSecret } from "@/lib/identity/dev-secret";

/*
 * The link in an appointment message that lets the client view, cancel or move the appointment
 * without signing in. It is signed (HMAC-SHA256 under a key derived from NEXTAUTH_SECRET, so
 * nobody can mint one for another appointment) and expires when the appointment starts; nothing
 * is stored, so a leaked database holds no working links. What it allows is bounded by the
 * appointment's own state: once cancelled it only shows the cancellation (a cancel happens
 * once), and the clinic's notice period applies exactly as in the portal.
 */
const VERSION = "a1";

function key(): Buffer {
  const ikm = config().NEXTAUTH_SECRET ?? devSecret();
  return Buffer.from(hkdfSync("sha256", ikm, "knotwork", "appointment-link-v1", 32));
}

const mac = (body: string) => createHmac("sha256", key()).update(body).digest("base64url");

export interface ManageLinkClaims {
  clinicId: string;
  appointmentId: string;
  /** Not valid after this instant (the appointment's start when the message was written). */
  expiresAt: Date;
}

export function signManageToken(c: ManageLinkClaims): string {
  const body = [VERSION, c.clinicId, c.appointmentId, Math.floor(c.expiresAt.getTime() / 1000).toString(36)].join(".");
  return `${Buffer.from(body).toString("base64url")}.${mac(body)}`;
}

/** The claims of a genuine, unexpired token; null for anything else (the caller answers 404). */
export function verifyManageToken(token: string, now = new Date()): ManageLinkClaims | null {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined || token.length > 300) return null;
  const body = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [version, clinicId, appointmentId, exp] = body.split(".");
  if (version !== VERSION || !clinicId || !appointmentId || !exp) return null;
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (!(expiresAt.getTime() > now.getTime())) return null;
  return { clinicId, appointmentId, expiresAt };
}

export function manageUrl(baseUrl: string, claims: ManageLinkClaims): string {
  return `${baseUrl.replace(/\/$/, "")}/appointment/${signManageToken(claims)}`;
}
