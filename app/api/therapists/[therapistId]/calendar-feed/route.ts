import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { appUrl } from "@/lib/app-url";
import { createCalendarFeed } from "@/lib/scheduling/calendar-feed/create-calendar-feed";
import { getCalendarFeed } from "@/lib/scheduling/calendar-feed/get-calendar-feed";
import { revokeCalendarFeed } from "@/lib/scheduling/calendar-feed/revoke-calendar-feed";

export const GET = route(ops.getCalendarFeed, ({ db, actor, input }) =>
  getCalendarFeed(db, actor, input.params.therapistId),
);
export const POST = route(ops.createCalendarFeed, ({ db, actor, input, req }) =>
  createCalendarFeed(db, actor, input.params.therapistId, appUrl(req)),
);
export const DELETE = route(ops.revokeCalendarFeed, ({ db, actor, input }) =>
  revokeCalendarFeed(db, actor, input.params.therapistId),
);
