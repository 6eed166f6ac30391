import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { completePasswordReset } from "@/lib/identity/password-reset";

export const POST = route(ops.completePasswordReset, ({ db, input }) =>
  completePasswordReset(db, input.body.token, input.body.password),
);
