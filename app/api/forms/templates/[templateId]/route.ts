import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations-templates";
import { getTemplate } from "@/lib/forms/form-templates/get-template";
import { saveTemplateVersion } from "@/lib/forms/form-templates/save-template-version";

export const GET = route(ops.getFormTemplate, ({ db, actor, input }) =>
  getTemplate(db, actor, input.params.templateId),
);

export const PUT = route(ops.saveFormTemplate, ({ db, actor, input }) =>
  saveTemplateVersion(db, actor, input.params.templateId, input.body),
);
