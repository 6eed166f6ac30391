import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing-setup";
import { deletePrice } from "@/lib/billing/catalogue";

export const DELETE = route(ops.deletePrice, ({ db, actor, input }) => deletePrice(db, actor, input.params.priceId));
