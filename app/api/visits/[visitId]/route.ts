import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { getVisitOrThrow } from "@/lib/visits/read-visits";
import { updateVisitNote } from "@/lib/visits/write-visits";

export const GET = route(ops.getVisit, ({ db, actor, input }) => getVisitOrThrow(db, actor, input.params.visitId));
export const PATCH = route(ops.updateVisitNote, ({ db, actor, input }) =>
  updateVisitNote(db, actor, input.params.visitId, input.body),
);
