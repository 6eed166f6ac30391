import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { listPortalSlots } from "@/lib/scheduling/portal-booking/list-portal-slots";

export const GET = route(ops.listPortalSlots, ({ db, actor, input }) =>
  listPortalSlots(db, actor, input.params.typeId, input.query),
);
