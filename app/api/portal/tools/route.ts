import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-safety";
import { getClientSafety, setTools } from "@/lib/client-safety/client-safety";
import { requireClientId } from "@/lib/auth/actor";

export const GET = route(ops.getMyTools, async ({ db, actor }) => ({
  tools: (await getClientSafety(db, actor, requireClientId(actor))).tools,
}));
export const PUT = route(ops.setMyTools, async ({ db, actor, input }) => ({
  tools: (await setTools(db, actor, requireClientId(actor), input.body)).tools,
}));
