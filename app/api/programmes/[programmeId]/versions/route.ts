import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { reviseProgramme } from "@/lib/programmes/programmes/revise-programme";

export const POST = route(ops.reviseProgramme, ({ db, actor, input }) =>
  reviseProgramme(db, actor, input.params.programmeId, input.body),
);
