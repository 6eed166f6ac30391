import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clients, clinics, invitations, memberships, users } from "@/db/schema";
import { hashToken } from "@/lib/identity/tokens";
import { hashPassword } from "@/lib/identity/passwords";
import { BAD_CREDENTIALS, checkPassword, SignInError } from "@/lib/identity/login";
import { homePathFor } from "@/lib/identity/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, invalid } from "@/lib/errors";
import type { acceptInvitationBody } from "./schemas";

const UNUSABLE = "This invitation link has expired or was already used. Ask the clinic to send a new one.";

export interface InvitationPreview {
  clinicName: string;
  email: string;
  role: "admin" | "therapist" | "client";
  /** True when the email already has a Knotwork login: they confirm with its password. */
  hasAccount: boolean;
}

async function findUsable(db: Db, token: string, lock = false) {
  const q = db
    .select({ inv: invitations, clinicName: clinics.name })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await q.for("update", { of: invitations }) : await q;
  if (!row || row.inv.acceptedAt || row.inv.revokedAt || row.inv.expiresAt <= new Date()) return null;
  return row;
}

async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user ?? null;
}

/** What the invitation page shows before the person sets a password. Public: the token is the secret. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview | null> {
  const row = await findUsable(db, token);
  if (!row) return null;
  const user = await findUserByEmail(db, row.inv.email);
  return {
    clinicName: row.clinicName,
    email: row.inv.email,
    role: row.inv.role,
    hasAccount: Boolean(user?.passwordHash),
  };
}

/**
 * Accepts an invitation: creates the login (or confirms an existing one with its password,
 * so one login serves every clinic), adds the membership, links a client record, and uses
 * up the token, all in one transaction.
 */
export async function acceptInvitation(
  db: Db,
  input: z.output<typeof acceptInvitationBody>,
  ctx: { address?: string | null } = {},
) {
  // An existing login's password is checked like a sign-in, under the same limits and outside
  // the transaction below, so a wrong guess is counted and audited even though nothing is accepted.
  // Otherwise any clinic's admin could invite an address and guess its password without limit.
  const pending = await findUsable(db, input.token);
  if (!pending) throw invalid(UNUSABLE, { token: [UNUSABLE] });
  const existing = await findUserByEmail(db, pending.inv.email);
  let confirmedUserId: string | null = null;
  if (existing?.passwordHash) {
    try {
      confirmedUserId = (
        await checkPassword(db, pending.inv.email.toLowerCase(), input.password, {
          address: ctx.address,
          via: "invitation",
          clinicId: pending.inv.clinicId,
        })
      ).id;
    } catch (err) {
      if (!(err instanceof SignInError)) throw err;
      if (err.message !== BAD_CREDENTIALS) throw new AppError("RATE_LIMITED", err.message);
      throw invalid("This email already has a Knotwork login.", {
        password: ["This email already has a Knotwork login: enter its current password to join."],
      });
    }
  }
  return db.transaction(async (tx) => {
    const row = await findUsable(tx, input.token, true);
    if (!row) throw invalid(UNUSABLE, { token: [UNUSABLE] });
    const inv = row.inv;
    let user = await findUserByEmail(tx, inv.email);
    if (user?.passwordHash) {
      // Verified above; a login that appeared in between has not had its password checked.
      if (user.id !== confirmedUserId) throw conflict("Something changed while you were joining. Try again.");
    } else {
      if (!input.name && !user) throw invalid("Enter your name.", { name: ["Enter your name."] });
      const passwordHash = await hashPassword(input.password);
      if (user) {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      } else {
        const [created] = await tx
          .insert(users)
          .values({ email: inv.email, name: input.name!, passwordHash })
          .returning({ id: users.id, name: users.name, passwordHash: users.passwordHash });
        user = created!;
      }
    }
    await tx
      .insert(memberships)
      .values({ clinicId: inv.clinicId, userId: user.id, role: inv.role })
      .onConflictDoUpdate({
        target: [memberships.clinicId, memberships.userId, memberships.role],
        set: { revokedAt: null },
      });
    if (inv.kind === "client") {
      const [alreadyLinked] = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.clinicId, inv.clinicId), eq(clients.userId, user.id)));
      if (alreadyLinked && alreadyLinked.id !== inv.clientId) {
        throw conflict(
          "This login is already linked to another client record in this clinic. Ask the clinic to check.",
        );
      }
      const [linked] = await tx
        .update(clients)
        .set({ userId: user.id, updatedAt: new Date() })
        .where(
          and(
            eq(clients.clinicId, inv.clinicId),
            eq(clients.id, inv.clientId!),
            isNull(clients.userId),
            isNull(clients.archivedAt),
          ),
        )
        .returning({ id: clients.id });
      if (!linked && !alreadyLinked)
        throw new AppError("CONFLICT", "This client record is no longer open for portal access. Ask the clinic.");
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.clinicId, inv.clinicId), eq(invitations.id, inv.id)));
    await recordEvent(
      tx,
      { clinicId: inv.clinicId, userId: user.id },
      {
        action: "invitation.accepted",
        entityType: "invitation",
        entityId: inv.id,
        details: { role: inv.role },
      },
    );
    return { email: inv.email, clinicId: inv.clinicId, home: homePathFor([inv.role]) };
  });
}
