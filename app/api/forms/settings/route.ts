import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations-templates";
import { setOffersDryNeedling } from "@/lib/forms/form-templates/set-offers-dry-needling";

export const PUT = route(ops.setFormSettings, ({ db, actor, input }) =>
  setOffersDryNeedling(db, actor, input.body.offersDryNeedling),
);
