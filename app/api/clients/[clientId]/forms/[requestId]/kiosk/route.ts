import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { openKiosk } from "@/lib/forms/kiosk";

export const POST = route(ops.openFormKiosk, ({ db, actor, input }) =>
  openKiosk(db, actor, input.params.clientId, input.params.requestId),
);
