import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { endProgramme } from "@/lib/programmes/programmes/end-programme";

export const POST = route(ops.endProgramme, ({ db, actor, input }) =>
  endProgramme(db, actor, input.params.programmeId, input.body),
);
