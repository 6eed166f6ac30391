import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { offerSlot } from "@/lib/scheduling/waitlist/offer-slot";

export const POST = route(ops.offerWaitlistSlot, ({ db, actor, input }) =>
  offerSlot(db, actor, input.params.entryId, input.body),
);
