import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { getBillingSettings } from "@/lib/billing/settings/get-billing-settings";
import { updateBillingSettings } from "@/lib/billing/settings/update-billing-settings";

export const GET = route(ops.getBillingSettings, ({ db, actor }) => getBillingSettings(db, actor));
export const PUT = route(ops.updateBillingSettings, ({ db, actor, input }) =>
  updateBillingSettings(db, actor, input.body),
);
