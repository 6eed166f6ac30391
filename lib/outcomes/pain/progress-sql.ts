import { sql } from "drizzle-orm";

/** A visit's clinic-local day as 'YYYY-MM-DD' text, as every progress read reports days. */
export const visitDay = (tz: string) => sql`((visits.started_at at time zone ${tz})::date)::text`;
