import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing";
import { refundPayment } from "@/lib/billing/payments";

export const POST = route(ops.refundPayment, ({ db, actor, input }) => refundPayment(db, actor, input.body));
