import "server-only";
import { formatFor } from "@/lib/format/clinic-format";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { newToken } from "@/lib/identity/tokens";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { renderNoticeEmail } from "@/lib/delivery/email/notice-email";
import { config } from "@/lib/config";
import { notFound } from "@/lib/errors";
import type { InvitationDto } from "./schemas";

// What every invitation use-case shares, here and in lib/clients: writing one (and its email), revoking one, its DTO.

type InvitationRow = typeof invitations.$inferSelect;

export function toInvitationDto(row: InvitationRow, link?: string): InvitationDto {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    clientId: row.clientId,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    ...(link ? { link } : {}),
  };
}

interface NewInvitation {
  kind: "staff" | "client";
  email: string;
  role: "admin" | "therapist" | "client";
  clientId: string | null;
}

/** Writes an invitation and queues its email; a client's portal invitation comes from lib/clients. */
export async function insertInvitation(
  tx: Db,
  actor: Actor,
  inv: NewInvitation,
  baseUrl: string,
): Promise<InvitationDto> {
  // A fresh invitation replaces any earlier pending one for the same person and role.
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.clinicId, actor.clinicId),
        eq(invitations.email, inv.email),
        eq(invitations.role, inv.role),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + config().INVITATION_TTL_HOURS * 3600_000);
  const [row] = await tx
    .insert(invitations)
    .values({ clinicId: actor.clinicId, ...inv, tokenHash, invitedBy: actor.userId, expiresAt })
    .returning();
  const link = `${baseUrl}/invite/${token}`;
  const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, actor.clinicId));
  const what =
    inv.kind === "client" ? "the client portal" : `the team as ${inv.role === "admin" ? "an admin" : "a therapist"}`;
  const email = await renderNoticeEmail({
    subject: `${clinic?.name ?? "Your clinic"} invites you to Knotwork`,
    heading: inv.kind === "client" ? "Your client portal is ready" : "You are invited to the team",
    lead: `${actor.name} at ${clinic?.name ?? "your clinic"} has invited you to join ${what} on Knotwork. Open the link to set your password and sign in.`,
    action: { label: "Set your password", href: link },
    notes: [
      `The link works once and expires on ${formatFor(actor).at(expiresAt, "dateTimeFull")} (${actor.clinicTimezone} time).`,
      `If the button does not work, copy this address into your browser: ${link}`,
      "If you were not expecting this email, ignore it.",
    ],
    clinicName: clinic?.name ?? null,
    lang: actor.clinicLocale,
  });
  await enqueueEmail(tx, { clinicId: actor.clinicId, to: inv.email, kind: `invitation.${inv.kind}`, ...email });
  await recordEvent(tx, actor, {
    action: "invitation.created",
    entityType: "invitation",
    entityId: row!.id,
    details: { kind: inv.kind, role: inv.role, ...(inv.clientId ? { clientId: inv.clientId } : {}) },
  });
  return toInvitationDto(row!, link);
}

/** Revokes the pending invitation `where` picks (NOT_FOUND when none). */
export async function revokeInvitation(db: Db, actor: Actor, where: ReturnType<typeof and>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.clinicId, actor.clinicId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          where,
        ),
      )
      .returning({ id: invitations.id });
    if (!row) throw notFound("That pending invitation");
    await recordEvent(tx, actor, { action: "invitation.revoked", entityType: "invitation", entityId: row.id });
    return { id: row.id, revoked: true };
  });
}
