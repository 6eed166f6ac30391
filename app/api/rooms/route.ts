import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { createRoom, listRooms } from "@/lib/scheduling/setup/rooms-and-types";

export const GET = route(ops.listRooms, ({ db, actor }) => listRooms(db, actor));
export const POST = route(ops.createRoom, ({ db, actor, input }) => createRoom(db, actor, input.body));
