import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { recordCompletion } from "@/lib/programmes/record-completion";

export const POST = route(ops.addProgrammeCompletion, ({ db, actor, input }) =>
  recordCompletion(db, actor, input.body),
);
