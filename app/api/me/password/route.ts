import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { changePassword } from "@/lib/identity/change-password";
import { clientAddress } from "@/lib/http/client-address";

export const POST = route(ops.changePassword, ({ db, session, input, req }) =>
  changePassword(db, session!, input.body, { address: clientAddress(req.headers) }),
);
