/** The reference's self-release tools (tool_enum). Kept apart from reference.ts and from the schemas in tool-ids.ts so browser code can use it without the 115 KB seed JSON or zod. */
export const TOOL_IDS = [
  "massage_ball",
  "foam_roller",
  "massage_stick",
  "handheld_tool",
  "percussive_gun",
  "hands",
] as const;

/** Plain names of the self-release tools (ids from the reference's tool_enum); no data import, safe in the browser. */
export const TOOL_LABEL: Record<string, string> = {
  massage_ball: "Massage ball",
  foam_roller: "Foam roller",
  massage_stick: "Massage stick",
  handheld_tool: "Hook tool",
  percussive_gun: "Massage gun",
  hands: "Hands",
};
