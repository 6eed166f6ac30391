import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { icsResponse } from "@/lib/scheduling/calendar-feed/ics";
import { renderTherapistFeed } from "@/lib/scheduling/calendar-feed/feed";

// No session: calendar apps fetch this on their own. The secret token is the only key.
export const GET = route(ops.calendarFeed, async ({ db, input }) =>
  icsResponse(await renderTherapistFeed(db, input.params.token), "knotwork.ics", "inline"),
);
