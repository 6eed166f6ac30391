import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { checkBeforeSending, type NotWanted } from "@/lib/delivery/send-checks";

/** The outbox kind of appointment reminders (email and text); the client's message log names it "Reminder". */
export const REMINDER_KIND = "appointment_reminder";

const STALE: NotWanted = { code: "StaleReminder", why: "appointment no longer as reminded" };

/**
 * A reminder waits in the outbox (a text through the clinic's quiet hours, an email through SMTP
 * retries), and the appointment may change meanwhile. It goes only if the appointment is still booked,
 * not yet started, still has its reminder record (a move or cancellation deletes it), and is where and
 * when the message says (its `about` placement): a reminder queued before a move must not go out after
 * the fresh one for the new time was queued. Rows without a placement (queued before it was recorded)
 * are judged by the rest.
 */
async function reminderStillAsTold(db: Db, outboxId: string): Promise<NotWanted | null> {
  const found = await db.execute(sql`
    select 1 from email_outbox o
    join appointment_reminders r on r.clinic_id = o.clinic_id and r.appointment_id = o.appointment_id
    join appointments a on a.clinic_id = o.clinic_id and a.id = o.appointment_id
    where o.id = ${outboxId} and a.status = 'booked' and a.starts_at > now()
      and (o.about ->> 'startsAt' is null or (
        (o.about ->> 'startsAt')::timestamptz = a.starts_at
        and (o.about ->> 'endsAt')::timestamptz = a.ends_at
        and o.about ->> 'therapistUserId' = a.therapist_user_id::text
        and (o.about ->> 'roomId') is not distinct from a.room_id::text))`);
  return rowsOf(found).length === 0 ? STALE : null;
}

// Registered where reminders are queued: every process that runs send jobs loads this module through
// lib/jobs/registry.ts (lib/jobs/registry.test.ts proves the check is in place there).
checkBeforeSending(REMINDER_KIND, reminderStillAsTold);
