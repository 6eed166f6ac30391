import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { listPrices, setPrice } from "@/lib/billing/catalogue";

export const GET = route(ops.listPrices, ({ db, actor }) => listPrices(db, actor));
export const PUT = route(ops.setPrice, ({ db, actor, input }) => setPrice(db, actor, input.body));
