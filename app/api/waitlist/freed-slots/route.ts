import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { recentlyFreedSlots } from "@/lib/waitlist/matches";

export const GET = route(ops.recentlyFreedSlots, ({ db, actor }) => recentlyFreedSlots(db, actor));
