import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { setInstrumentWording } from "@/lib/questionnaires/instruments";

export const PUT = route(ops.setInstrumentWording, ({ db, actor, input }) =>
  setInstrumentWording(db, actor, input.params.instrumentId, input.body),
);
