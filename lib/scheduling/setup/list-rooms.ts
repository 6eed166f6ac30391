import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { roomDto } from "./room-and-type-rows";

export async function listRooms(db: Db, actor: Actor) {
  assertCan(actor, "schedule.manage");
  return (await db.select().from(rooms).where(clinicScope(actor, rooms)).orderBy(asc(rooms.name))).map(roomDto);
}
