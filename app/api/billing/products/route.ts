import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { createProduct } from "@/lib/billing/catalogue/create-product";
import { listProducts } from "@/lib/billing/catalogue/list-products";

export const GET = route(ops.listProducts, ({ db, actor }) => listProducts(db, actor));
export const POST = route(ops.createProduct, ({ db, actor, input }) => createProduct(db, actor, input.body));
