import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing";
import { invoiceAppointment } from "@/lib/billing/invoices";

export const POST = route(ops.invoiceAppointment, ({ db, actor, input }) =>
  invoiceAppointment(db, actor, input.params.appointmentId),
);
