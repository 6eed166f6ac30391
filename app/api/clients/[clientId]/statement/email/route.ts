import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-desk";
import { emailStatement } from "@/lib/billing/email-statement";

export const POST = route(ops.emailStatement, ({ db, actor, input }) =>
  emailStatement(db, actor, input.params.clientId),
);
