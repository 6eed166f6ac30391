import { z } from "zod";
import { isoInstant } from "@/lib/http/primitives";
import { availabilityException, weeklyHours } from "@/lib/scheduling/rules/schemas";

export const therapistParams = z.object({ therapistId: z.uuid() });
export const exceptionParams = z.object({ therapistId: z.uuid(), exceptionId: z.uuid() });
export const setHoursBody = z.object({ blocks: weeklyHours, version: z.number().int().min(0) });
export const addExceptionBody = availabilityException;
export const slotsParams = z.object({ typeId: z.uuid() });
export const slotsQuery = z.object({
  therapistId: z.uuid().optional(),
  from: isoInstant().optional(),
  days: z.coerce.number().int().min(1).max(60).default(14),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const availabilityDto = z.object({
  therapistId: z.uuid(),
  therapistName: z.string(),
  blocks: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
  version: z.number(),
  exceptions: z.array(z.object({ id: z.uuid(), exception: z.record(z.string(), z.unknown()) })),
});
export type AvailabilityDto = z.infer<typeof availabilityDto>;

export const slotDto = z.object({
  start: z.string(),
  end: z.string(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
});
