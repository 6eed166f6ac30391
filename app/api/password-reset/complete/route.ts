import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { completePasswordReset } from "@/lib/auth/password-reset";

export const POST = route(ops.completePasswordReset, ({ db, input }) =>
  completePasswordReset(db, input.body.token, input.body.password),
);
