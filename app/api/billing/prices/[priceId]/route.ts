import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { deletePrice } from "@/lib/billing/catalogue/delete-price";

export const DELETE = route(ops.deletePrice, ({ db, actor, input }) => deletePrice(db, actor, input.params.priceId));
