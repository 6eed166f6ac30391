import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing";
import { recordPayment } from "@/lib/billing/payments";

export const POST = route(ops.recordPayment, ({ db, actor, input }) => recordPayment(db, actor, input.body));
