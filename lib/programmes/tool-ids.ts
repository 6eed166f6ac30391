import { z } from "zod";

/** The reference's self-release tools (tool_enum). Kept apart from reference.ts so browser code can use it without the 115 KB seed JSON. */
export const TOOL_IDS = [
  "massage_ball",
  "foam_roller",
  "massage_stick",
  "handheld_tool",
  "percussive_gun",
  "hands",
] as const;
export const toolId = z.enum(TOOL_IDS);
export type ToolId = z.infer<typeof toolId>;

/** The client's own list of tools (the portal's tools form validates with it too). */
export const setToolsBody = z.object({
  tools: z
    .array(z.enum(TOOL_IDS, "Choose from the listed tools."))
    .max(TOOL_IDS.length)
    .refine((t) => new Set(t).size === t.length, "Each tool once, please."),
});
