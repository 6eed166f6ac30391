import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listInstruments } from "@/lib/outcomes/questionnaires/list-instruments";

export const GET = route(ops.listInstruments, ({ db, actor }) => listInstruments(db, actor));
