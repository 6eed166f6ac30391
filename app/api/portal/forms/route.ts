import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { listMyForms } from "@/lib/forms/form-requests/list-my-forms";

export const GET = route(ops.listMyForms, async ({ db, actor }) => ({ requests: await listMyForms(db, actor) }));
