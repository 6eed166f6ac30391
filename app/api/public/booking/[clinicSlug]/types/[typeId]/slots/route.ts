import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { listPublicSlots } from "@/lib/scheduling/public-booking/public-options";

export const GET = route(ops.listPublicSlots, ({ db, input }) =>
  listPublicSlots(db, input.params.clinicSlug, { typeId: input.params.typeId, therapistId: input.query.therapistId }),
);
