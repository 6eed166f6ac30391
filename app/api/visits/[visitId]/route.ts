import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { getVisitOrThrow } from "@/lib/clinical/visits/get-visit-or-throw";
import { updateVisitNote } from "@/lib/clinical/visits/update-visit-note";

export const GET = route(ops.getVisit, ({ db, actor, input }) => getVisitOrThrow(db, actor, input.params.visitId));
export const PATCH = route(ops.updateVisitNote, ({ db, actor, input }) =>
  updateVisitNote(db, actor, input.params.visitId, input.body),
);
