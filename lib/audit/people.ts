import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";

/** Everyone who has worked in the clinic (former staff too: their events stay), for the person filter. */
export async function listAuditPeople(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "audit.read");
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, actor.clinicId), ne(memberships.role, "client")))
    .orderBy(asc(users.name), asc(users.id));
}
