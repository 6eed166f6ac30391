import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { listRooms } from "@/lib/scheduling/setup/list-rooms";

export const GET = route(ops.listRooms, ({ db, actor }) => listRooms(db, actor));
export const POST = route(ops.createRoom, ({ db, actor, input }) => createRoom(db, actor, input.body));
