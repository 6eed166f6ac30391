import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { clientAdherence } from "@/lib/programmes/adherence-report";

export const GET = route(ops.getClientAdherence, ({ db, actor, input }) =>
  clientAdherence(db, actor, input.params.clientId, input.query),
);
