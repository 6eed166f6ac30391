import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { builderData } from "@/lib/programmes/builder-suggestions";

export const GET = route(ops.getProgrammeBuilder, ({ db, actor, input }) =>
  builderData(db, actor, input.params.clientId),
);
