import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing-setup";
import { updateProduct } from "@/lib/billing/catalogue";

export const PATCH = route(ops.updateProduct, ({ db, actor, input }) =>
  updateProduct(db, actor, input.params.productId, input.body),
);
