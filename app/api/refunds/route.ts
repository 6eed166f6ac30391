import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { refundPayment } from "@/lib/billing/payments/refund-payment";

export const POST = route(ops.refundPayment, ({ db, actor, input }) => refundPayment(db, actor, input.body));
