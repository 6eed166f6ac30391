import "server-only";
import { appointmentTypes, rooms } from "@/db/schema";
import type { AppointmentTypeDto } from "./schemas";

export const roomDto = (r: typeof rooms.$inferSelect) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null });

export const typeDto = (
  t: typeof appointmentTypes.$inferSelect,
  therapistIds: readonly string[] = [],
): AppointmentTypeDto => ({
  id: t.id,
  name: t.name,
  durationMin: t.durationMin,
  bufferAfterMin: t.bufferAfterMin,
  colour: t.colour,
  bookableOnline: t.bookableOnline,
  needsRoom: t.needsRoom,
  archived: t.archivedAt !== null,
  therapistIds: [...therapistIds].sort(),
});
