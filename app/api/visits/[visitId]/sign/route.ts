import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { signVisit } from "@/lib/clinical/visits/sign-visit";

export const POST = route(ops.signVisit, ({ db, actor, input }) =>
  signVisit(db, actor, input.params.visitId, input.body),
);
