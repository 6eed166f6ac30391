import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { getVisitPain } from "@/lib/outcomes/pain/get-visit-pain";
import { setVisitPain } from "@/lib/outcomes/pain/set-visit-pain";

export const GET = route(ops.getVisitPain, ({ db, actor, input }) => getVisitPain(db, actor, input.params.visitId));
export const PUT = route(ops.setVisitPain, ({ db, actor, input }) =>
  setVisitPain(db, actor, input.params.visitId, input.body),
);
