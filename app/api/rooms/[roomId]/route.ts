import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { updateRoom } from "@/lib/scheduling/setup/update-room";

export const PATCH = route(ops.updateRoom, ({ db, actor, input }) =>
  updateRoom(db, actor, input.params.roomId, input.body),
);
