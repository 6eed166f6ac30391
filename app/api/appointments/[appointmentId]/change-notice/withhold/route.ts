import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { withholdChangeNotice } from "@/lib/messaging/withhold-change-notice";

export const POST = route(ops.withholdChangeNotice, ({ db, actor, input }) =>
  withholdChangeNotice(db, actor, input.params.appointmentId),
);
