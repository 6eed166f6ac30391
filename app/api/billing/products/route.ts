import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { createProduct, listProducts } from "@/lib/billing/catalogue";

export const GET = route(ops.listProducts, ({ db, actor }) => listProducts(db, actor));
export const POST = route(ops.createProduct, ({ db, actor, input }) => createProduct(db, actor, input.body));
