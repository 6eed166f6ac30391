import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { removeRoles, type StaffRole } from "./remove-roles";

/** Removes one role (an owner who stops treating keeps admin). */
export function removeStaffRole(db: Db, actor: Actor, userId: string, role: StaffRole) {
  return removeRoles(db, actor, userId, [role]);
}
