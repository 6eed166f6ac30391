import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { getMyForm } from "@/lib/forms/form-requests/get-my-form";
import { submitMyForm } from "@/lib/forms/submit-form";

export const GET = route(ops.getMyForm, ({ db, actor, input }) => getMyForm(db, actor, input.params.requestId));

export const POST = route(ops.submitMyForm, ({ db, actor, input, req }) =>
  submitMyForm(db, actor, input.params.requestId, input.body, req.headers.get("user-agent")),
);
