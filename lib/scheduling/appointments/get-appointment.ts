import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { AppointmentView } from "./calendar-schemas";
import { selectAppointmentViews } from "./appointment-views";

/** One appointment; NOT_FOUND when absent or another clinic's. */
export async function getAppointment(db: Db, actor: Actor, appointmentId: string): Promise<AppointmentView> {
  assertCan(actor, "schedule.manage");
  const [view] = await selectAppointmentViews(db, actor, eq(appointments.id, appointmentId));
  if (!view) throw notFound("That appointment");
  return view;
}
