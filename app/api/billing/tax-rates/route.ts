import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-setup";
import { createTaxRate } from "@/lib/billing/catalogue/create-tax-rate";
import { listTaxRates } from "@/lib/billing/catalogue/list-tax-rates";

export const GET = route(ops.listTaxRates, ({ db, actor }) => listTaxRates(db, actor));
export const POST = route(ops.createTaxRate, ({ db, actor, input }) => createTaxRate(db, actor, input.body));
