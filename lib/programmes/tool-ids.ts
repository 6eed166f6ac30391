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
