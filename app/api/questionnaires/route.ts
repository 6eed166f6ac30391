import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { listInstruments } from "@/lib/questionnaires/instruments";

export const GET = route(ops.listInstruments, ({ db, actor }) => listInstruments(db, actor));
