import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageLinks } from "@/db/schema";
import { signManageToken, type ManageLinkClaims } from "./manage-link";

/*
 * A short stand-in for the signed appointment link in text messages. The signed link is ~150
 * characters, which makes a reminder two SMS segments (two charges, and split on some phones);
 * `/m/<token>` is 15. The token is 72 random bits (12 base64url characters): unguessable, and only
 * its SHA-256 is stored, so the table holds no working link. Opening it redirects to the signed
 * link, freshly signed with the same claims, so everything the signed link guarantees holds: it
 * expires when the appointment starts, a cancellation happens once, the notice period applies.
 */
const TOKEN = /^[A-Za-z0-9_-]{12}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Stores a short link for these claims (call in the message's transaction) and returns its URL. */
export async function createShortManageUrl(tx: Db, baseUrl: string, claims: ManageLinkClaims): Promise<string> {
  const token = randomBytes(9).toString("base64url");
  await tx.insert(messageLinks).values({
    clinicId: claims.clinicId,
    tokenHash: hashOf(token),
    appointmentId: claims.appointmentId,
    expiresAt: claims.expiresAt,
  });
  return `${baseUrl.replace(/\/$/, "")}/m/${token}`;
}

/**
 * The signed manage token a short link stands for, or null when it is malformed, unknown or
 * expired (the caller answers 404, the same for all three). Read with the platform handle: the
 * link names no clinic.
 */
export async function resolveShortLink(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({
      clinicId: messageLinks.clinicId,
      appointmentId: messageLinks.appointmentId,
      expiresAt: messageLinks.expiresAt,
    })
    .from(messageLinks)
    .where(and(eq(messageLinks.tokenHash, hashOf(token)), gt(messageLinks.expiresAt, now)))
    .limit(1);
  return row ? signManageToken(row) : null;
}
