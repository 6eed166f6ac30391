import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { setInstrumentWording } from "@/lib/outcomes/questionnaires/set-instrument-wording";

export const PUT = route(ops.setInstrumentWording, ({ db, actor, input }) =>
  setInstrumentWording(db, actor, input.params.instrumentId, input.body),
);
