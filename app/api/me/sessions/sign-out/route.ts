import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-security";
import { signOutDevice } from "@/lib/auth/devices";

export const POST = route(ops.signOutDevice, ({ db, session, input }) =>
  signOutDevice(db, session!, input.body.sessionId),
);
