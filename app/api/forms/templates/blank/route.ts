import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations-templates";
import { createBlankTemplate } from "@/lib/forms/form-templates/create-blank-template";

export const POST = route(ops.createFormTemplate, ({ db, actor, input }) => createBlankTemplate(db, actor, input.body));
