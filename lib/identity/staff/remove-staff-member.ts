import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { removeRoles } from "./remove-roles";

/** Removes the person from the clinic's staff: every staff role they hold here. */
export function removeStaffMember(db: Db, actor: Actor, userId: string) {
  return removeRoles(db, actor, userId, ["admin", "therapist"]);
}
