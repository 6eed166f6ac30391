import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { getProgramme } from "@/lib/programmes/programmes/get-programme";

export const GET = route(ops.getProgramme, ({ db, actor, input }) => getProgramme(db, actor, input.params.programmeId));
