import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { updateProduct } from "@/lib/billing/catalogue/update-product";

export const PATCH = route(ops.updateProduct, ({ db, actor, input }) =>
  updateProduct(db, actor, input.params.productId, input.body),
);
