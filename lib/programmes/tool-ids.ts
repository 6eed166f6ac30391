import { z } from "zod";
import { TOOL_IDS } from "./tool-labels";

// The ids live beside their labels in tool-labels.ts (no zod there): the portal's tools form
// takes them from it without this module's schemas (issue #16, page weight).
export { TOOL_IDS };

export const toolId = z.enum(TOOL_IDS);
export type ToolId = z.infer<typeof toolId>;

/** The client's own list of tools (the portal's tools form checks the same in zod/mini, app/portal/tools/tools-form.tsx). */
export const setToolsBody = z.object({
  tools: z
    .array(z.enum(TOOL_IDS, "Choose from the listed tools."))
    .max(TOOL_IDS.length)
    .refine((t) => new Set(t).size === t.length, "Each tool once, please."),
});
