import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { getOutcomeSettings, updateOutcomeSettings } from "@/lib/outcomes/questionnaires/outcome-settings";

export const GET = route(ops.getOutcomeSettings, ({ db, actor }) => getOutcomeSettings(db, actor));
export const PUT = route(ops.updateOutcomeSettings, ({ db, actor, input }) =>
  updateOutcomeSettings(db, actor, input.body),
);
