import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import * as desk from "@/lib/billing/operations-desk";
import { invoiceAppointment } from "@/lib/billing/invoices/invoice-appointment";
import { getAppointmentInvoice } from "@/lib/billing/invoices/get-appointment-invoice";

export const GET = route(desk.getAppointmentInvoice, ({ db, actor, input }) =>
  getAppointmentInvoice(db, actor, input.params.appointmentId),
);

export const POST = route(ops.invoiceAppointment, ({ db, actor, input }) =>
  invoiceAppointment(db, actor, input.params.appointmentId),
);
