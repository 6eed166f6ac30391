import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { updateTaxRate } from "@/lib/billing/catalogue/update-tax-rate";

export const PATCH = route(ops.updateTaxRate, ({ db, actor, input }) =>
  updateTaxRate(db, actor, input.params.taxRateId, input.body),
);
