import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { addWaitlistEntry } from "@/lib/scheduling/waitlist/add-waitlist-entry";
import { listWaitlist } from "@/lib/scheduling/waitlist/list-waitlist";

export const GET = route(ops.listWaitlist, ({ db, actor, input }) => listWaitlist(db, actor, input.query));
export const POST = route(ops.addWaitlistEntry, ({ db, actor, input }) => addWaitlistEntry(db, actor, input.body));
