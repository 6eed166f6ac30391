import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations-templates";
import { copySeededForm, listTemplates } from "@/lib/forms/form-templates";

export const GET = route(ops.listFormTemplates, ({ db, actor }) => listTemplates(db, actor));

export const POST = route(ops.copyFormTemplate, ({ db, actor, input }) =>
  copySeededForm(db, actor, input.body.seedKey),
);
