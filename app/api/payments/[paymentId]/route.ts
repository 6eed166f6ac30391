import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { getPayment } from "@/lib/billing/payments/get-payment";

export const GET = route(ops.getPayment, ({ db, actor, input }) => getPayment(db, actor, input.params.paymentId));
