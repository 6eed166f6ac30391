import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { roomBody } from "./schemas";
import { roomDto } from "./room-and-type-rows";

export async function createRoom(db: Db, actor: Actor, input: z.output<typeof roomBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(rooms).values({ clinicId: actor.clinicId, name: input.name }).returning();
    await recordEvent(tx, actor, { action: "room.created", entityType: "room", entityId: row!.id });
    return roomDto(row!);
  });
}
