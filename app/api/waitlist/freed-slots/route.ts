import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { recentlyFreedSlots } from "@/lib/scheduling/waitlist/recently-freed-slots";

export const GET = route(ops.recentlyFreedSlots, ({ db, actor }) => recentlyFreedSlots(db, actor));
