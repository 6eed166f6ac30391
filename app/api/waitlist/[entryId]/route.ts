import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { removeWaitlistEntry } from "@/lib/scheduling/waitlist/remove-waitlist-entry";
import { updateWaitlistEntry } from "@/lib/scheduling/waitlist/update-waitlist-entry";

export const PATCH = route(ops.updateWaitlistEntry, ({ db, actor, input }) =>
  updateWaitlistEntry(db, actor, input.params.entryId, input.body),
);
export const DELETE = route(ops.removeWaitlistEntry, ({ db, actor, input }) =>
  removeWaitlistEntry(db, actor, input.params.entryId),
);
