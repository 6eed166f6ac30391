import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { startCheckout } from "@/lib/billing/online/online-payments";
import { paymentProvider } from "@/lib/billing/online/provider";
import { appUrl } from "@/lib/app-url";

export const POST = route(ops.startCheckout, ({ db, actor, input, req }) =>
  startCheckout(db, actor, input.params.myInvoiceId, paymentProvider(), appUrl(req)),
);
