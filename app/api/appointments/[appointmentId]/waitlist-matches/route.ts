import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { waitlistMatches } from "@/lib/scheduling/waitlist/waitlist-matches";

export const GET = route(ops.waitlistMatches, ({ db, actor, input }) =>
  waitlistMatches(db, actor, input.params.appointmentId),
);
