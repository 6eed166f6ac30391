import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { getVisitOrThrow } from "@/lib/clinical/read-visits";
import { updateVisitNote } from "@/lib/clinical/write-visits";

export const GET = route(ops.getVisit, ({ db, actor, input }) => getVisitOrThrow(db, actor, input.params.visitId));
export const PATCH = route(ops.updateVisitNote, ({ db, actor, input }) =>
  updateVisitNote(db, actor, input.params.visitId, input.body),
);
