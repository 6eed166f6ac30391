import "server-only";
import type { AppointmentStatus } from "./calendar-schemas";

export const LABEL: Record<AppointmentStatus, string> = {
  booked: "booked",
  arrived: "arrived",
  completed: "completed",
  cancelled: "cancelled",
  no_show: "a no-show",
};
