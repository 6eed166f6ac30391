import { z } from "zod";

export const feedTherapistParams = z.object({ therapistId: z.uuid() });
/** 32 random bytes, base64url: 43 characters. Anything else cannot be a feed. */
export const feedTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const calendarFeedStatusDto = z.object({
  therapistId: z.uuid(),
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatusDto = z.infer<typeof calendarFeedStatusDto>;

/** Returned once, when the feed is created or rotated: only its hash is kept. */
export const createdCalendarFeedDto = calendarFeedStatusDto.extend({ url: z.string() });
export type CreatedCalendarFeedDto = z.infer<typeof createdCalendarFeedDto>;
