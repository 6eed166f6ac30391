import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { recordPayment } from "@/lib/billing/payments/record-payment";

export const POST = route(ops.recordPayment, ({ db, actor, input }) => recordPayment(db, actor, input.body));
