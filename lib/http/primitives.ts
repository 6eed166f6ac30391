/**
 * Shared zod primitives for request schemas: dates and instants with a sane year range. Area
 * schemas use these instead of bare `z.iso.date()` / `z.iso.datetime()`, so year 0 or 99999
 * never reaches a reader (a therapist's time off dated 0000-01-01 once broke the calendar,
 * slot search and online booking for the whole clinic). The database holds the same bounds in
 * CHECK constraints where a stored value would break readers.
 *
 * Not server-only: forms validate with the same schemas in the browser.
 */
import { z } from "zod";

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/**
 * Checks only the year of something shaped "YYYY-…", so a malformed value gets the format's
 * message alone (zod runs every check); composes with zod's format check and shows in the
 * OpenAPI pattern.
 */
const YEAR_IN_RANGE = /^(?!\d{4}-)|^(19\d\d|2[01]\d\d|2200)-/;
export const YEAR_RANGE_MESSAGE = `Use a year between ${MIN_YEAR} and ${MAX_YEAR}.`;

/** A calendar date "YYYY-MM-DD", years 1900–2200. */
export const isoDate = (message = "Use the format YYYY-MM-DD.") =>
  z.iso.date(message).regex(YEAR_IN_RANGE, YEAR_RANGE_MESSAGE);

/** An instant with an offset ("2026-12-01T10:00:00Z", "…+11:00"), years 1900–2200. */
export const isoInstant = (message = "Use a date-time such as 2026-12-01T10:00:00Z.") =>
  z.iso.datetime({ offset: true, message }).regex(YEAR_IN_RANGE, YEAR_RANGE_MESSAGE);

/** "YYYY-MM-DDTHH:MM" as an <input type="datetime-local"> sends it, years 1900–2200. */
export const isoLocalDateTime = (message = "Use the format YYYY-MM-DDTHH:MM.") =>
  z.iso.datetime({ local: true, precision: -1, error: message }).regex(YEAR_IN_RANGE, YEAR_RANGE_MESSAGE);

/**
 * For `.refine(...changesSomething)` on a PATCH body whose fields are all optional: an empty one is
 * refused as bad input, rather than reaching an UPDATE with no columns.
 */
export const changesSomething = [
  (body: object) => Object.values(body).some((v) => v !== undefined),
  "Say what to change.",
] as const;
