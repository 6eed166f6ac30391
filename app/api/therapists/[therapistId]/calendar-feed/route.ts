import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { appUrl } from "@/lib/app-url";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "@/lib/scheduling/calendar-feed/feeds";

export const GET = route(ops.getCalendarFeed, ({ db, actor, input }) =>
  getCalendarFeed(db, actor, input.params.therapistId),
);
export const POST = route(ops.createCalendarFeed, ({ db, actor, input, req }) =>
  createCalendarFeed(db, actor, input.params.therapistId, appUrl(req)),
);
export const DELETE = route(ops.revokeCalendarFeed, ({ db, actor, input }) =>
  revokeCalendarFeed(db, actor, input.params.therapistId),
);
