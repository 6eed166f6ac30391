import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users, userTotp } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";

export const staffMemberDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(["admin", "therapist"])),
});
export type StaffMember = z.infer<typeof staffMemberDto>;

/** What admins see of each staff member: also whether they have two-factor sign-in on. */
export const staffAdminMemberDto = staffMemberDto.extend({ twoFactorEnabled: z.boolean() });
export type StaffAdminMember = z.infer<typeof staffAdminMemberDto>;

/** Therapists and admins of the clinic (clients are listed as client records instead). */
export async function listStaff(db: Db, actor: Actor): Promise<StaffAdminMember[]> {
  assertCan(actor, "staff.read");
  const staff = await listStaffRows(db, actor.clinicId);
  const ids = staff.map((m) => m.userId);
  const enrolled = ids.length
    ? await db
        .select({ userId: userTotp.userId })
        .from(userTotp)
        .where(and(inArray(userTotp.userId, ids), isNotNull(userTotp.confirmedAt)))
    : [];
  const on = new Set(enrolled.map((r) => r.userId));
  return staff.map((m) => ({ ...m, twoFactorEnabled: on.has(m.userId) }));
}

/** Therapists of the clinic, for pickers; any staff member may see who works there. */
export async function listStaffRows(db: Db, clinicId: string): Promise<StaffMember[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, clinicId),
        isNull(memberships.revokedAt),
        inArray(memberships.role, ["admin", "therapist"]),
      ),
    )
    .orderBy(asc(users.name));
  const byUser = new Map<string, StaffMember>();
  for (const r of rows) {
    const m = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, roles: [] };
    m.roles.push(r.role as "admin" | "therapist");
    byUser.set(r.userId, m);
  }
  return [...byUser.values()];
}
