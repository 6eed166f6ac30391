import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { getOutcomeSettings } from "@/lib/outcomes/questionnaires/get-outcome-settings";
import { updateOutcomeSettings } from "@/lib/outcomes/questionnaires/update-outcome-settings";

export const GET = route(ops.getOutcomeSettings, ({ db, actor }) => getOutcomeSettings(db, actor));
export const PUT = route(ops.updateOutcomeSettings, ({ db, actor, input }) =>
  updateOutcomeSettings(db, actor, input.body),
);
