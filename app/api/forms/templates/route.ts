import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations-templates";
import { copySeededForm } from "@/lib/forms/form-templates/copy-seeded-form";
import { listTemplates } from "@/lib/forms/form-templates/list-templates";

export const GET = route(ops.listFormTemplates, ({ db, actor }) => listTemplates(db, actor));

export const POST = route(ops.copyFormTemplate, ({ db, actor, input }) =>
  copySeededForm(db, actor, input.body.seedKey),
);
