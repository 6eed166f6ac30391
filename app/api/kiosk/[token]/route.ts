import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { getKioskForm, submitKioskForm } from "@/lib/forms/kiosk";

export const GET = route(ops.getKioskForm, ({ db, input }) => getKioskForm(db, input.params.token));

export const POST = route(ops.submitKioskForm, ({ db, input, req }) =>
  submitKioskForm(db, input.params.token, input.body, req.headers.get("user-agent")),
);
