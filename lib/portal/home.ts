import "server-only";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { ClientDetail } from "@/lib/clients/schemas";
import { getPortalProgramme } from "@/lib/programmes/portal";
import type { PortalProgrammeView } from "@/lib/programmes/portal-schemas";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/list-my-appointments";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";
import type { BookingOptionsDto, MyAppointmentsDto } from "@/lib/scheduling/portal-booking/schemas";
import { listMyDueQuestionnaires } from "@/lib/outcomes/questionnaires/assignments/list-my-due-questionnaires";
import { listMyCheckIns } from "@/lib/outcomes/questionnaires/check-ins/list-my-check-ins";
import type { AssignmentDto, CheckInDto, InstrumentDto } from "@/lib/outcomes/questionnaires/schemas";
import { listComplaints } from "@/lib/outcomes/pain/complaints/list-complaints";
import { listMyDiary } from "@/lib/outcomes/pain/list-my-diary";
import { getProgress } from "@/lib/outcomes/pain/progress";
import type { ComplaintDto, DiaryEntryDto, ProgressDto } from "@/lib/outcomes/pain/schemas";

/**
 * Everything the portal's home page shows, for its first paint. A card whose read failed is undefined
 * (the card then fetches for itself and shows its own error and retry); the client record is not optional.
 */
export interface PortalHome {
  me: ClientDetail;
  programme?: PortalProgrammeView;
  appointments?: MyAppointmentsDto;
  bookingOptions?: BookingOptionsDto;
  due?: (AssignmentDto & { instrument: InstrumentDto })[];
  checkIns?: { thisWeek: string; checkIns: CheckInDto[] };
  complaints?: ComplaintDto[];
  diary?: DiaryEntryDto[];
  progress?: ProgressDto;
}

const settled = <T>(r: PromiseSettledResult<T>): T | undefined => (r.status === "fulfilled" ? r.value : undefined);

/**
 * The signed-in client's portal home in one transaction (issue 16): on the clinic handle a statement
 * outside a transaction pays BEGIN (with the clinic setting) and COMMIT of its own, so the page's reads
 * share one, two round trips for the whole page instead of two per statement. The use-cases are the same
 * ones the cards' endpoints call, with their own authorization and scoping; their memoised reads (the
 * client record, the complaints, the portal policy) are read once for the page, keyed on this transaction.
 * Reads only, and nothing here is audited (as before: the client reading their own records).
 */
export async function loadPortalHome(db: Db, actor: Actor): Promise<PortalHome> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  return db.transaction(async (tx) => {
    // allSettled, not all: every read must be finished before the transaction ends (a rejection would
    // otherwise end it while later statements of the other cards are still to be sent on its connection).
    const [me, programme, appointments, bookingOptions, due, checkIns, complaints, diary, progress] =
      await Promise.allSettled([
        getClientOrThrow(tx, actor, clientId),
        getPortalProgramme(tx, actor),
        listMyAppointments(tx, actor),
        getBookingOptions(tx, actor),
        listMyDueQuestionnaires(tx, actor),
        listMyCheckIns(tx, actor),
        listComplaints(tx, actor, clientId),
        listMyDiary(tx, actor),
        getProgress(tx, actor, clientId),
      ]);
    if (me.status === "rejected") throw me.reason;
    return {
      me: me.value,
      programme: settled(programme),
      appointments: settled(appointments),
      bookingOptions: settled(bookingOptions),
      due: settled(due),
      checkIns: settled(checkIns),
      complaints: settled(complaints),
      diary: settled(diary),
      progress: settled(progress),
    };
  });
}
