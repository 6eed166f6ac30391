import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { signOutDevice } from "@/lib/identity/devices";

export const POST = route(ops.signOutDevice, ({ db, session, input }) =>
  signOutDevice(db, session!, input.body.sessionId),
);
