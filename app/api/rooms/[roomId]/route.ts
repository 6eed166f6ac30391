import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-setup";
import { updateRoom } from "@/lib/clinic-setup/rooms-and-types";

export const PATCH = route(ops.updateRoom, ({ db, actor, input }) =>
  updateRoom(db, actor, input.params.roomId, input.body),
);
