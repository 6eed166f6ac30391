import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { recentlyFreedSlots } from "@/lib/scheduling/waitlist/matches";

export const GET = route(ops.recentlyFreedSlots, ({ db, actor }) => recentlyFreedSlots(db, actor));
