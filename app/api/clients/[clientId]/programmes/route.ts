import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { createProgramme } from "@/lib/programmes/programmes/create-programme";
import { listClientProgrammes } from "@/lib/programmes/programmes/list-client-programmes";

export const GET = route(ops.listClientProgrammes, ({ db, actor, input }) =>
  listClientProgrammes(db, actor, input.params.clientId),
);
export const POST = route(ops.createProgramme, ({ db, actor, input }) =>
  createProgramme(db, actor, input.params.clientId, input.body),
);
