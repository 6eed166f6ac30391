import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { listPrices } from "@/lib/billing/catalogue/list-prices";
import { setPrice } from "@/lib/billing/catalogue/set-price";

export const GET = route(ops.listPrices, ({ db, actor }) => listPrices(db, actor));
export const PUT = route(ops.setPrice, ({ db, actor, input }) => setPrice(db, actor, input.body));
