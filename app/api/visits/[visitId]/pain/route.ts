import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { getVisitPain, setVisitPain } from "@/lib/pain/visit-pain";

export const GET = route(ops.getVisitPain, ({ db, actor, input }) => getVisitPain(db, actor, input.params.visitId));
export const PUT = route(ops.setVisitPain, ({ db, actor, input }) =>
  setVisitPain(db, actor, input.params.visitId, input.body),
);
