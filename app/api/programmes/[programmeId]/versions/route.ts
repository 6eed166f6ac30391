import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-programmes";
import { reviseProgramme } from "@/lib/programmes/programmes";

export const POST = route(ops.reviseProgramme, ({ db, actor, input }) =>
  reviseProgramme(db, actor, input.params.programmeId, input.body),
);
