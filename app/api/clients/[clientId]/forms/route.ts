import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { listClientForms } from "@/lib/forms/form-requests/list-client-forms";
import { sendForms } from "@/lib/forms/form-requests/send-forms";

export const GET = route(ops.listClientForms, async ({ db, actor, input }) => ({
  requests: await listClientForms(db, actor, input.params.clientId),
}));

export const POST = route(ops.sendClientForms, async ({ db, actor, input }) => ({
  requests: await sendForms(db, actor, input.params.clientId, input.body.templateIds),
}));
