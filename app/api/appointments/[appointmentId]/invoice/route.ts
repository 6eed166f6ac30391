import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import * as desk from "@/lib/billing/operations-desk";
import { invoiceAppointment } from "@/lib/billing/invoices";
import { getAppointmentInvoice } from "@/lib/billing/queries";

export const GET = route(desk.getAppointmentInvoice, ({ db, actor, input }) =>
  getAppointmentInvoice(db, actor, input.params.appointmentId),
);

export const POST = route(ops.invoiceAppointment, ({ db, actor, input }) =>
  invoiceAppointment(db, actor, input.params.appointmentId),
);
