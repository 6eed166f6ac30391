/** Plain names of the self-release tools (ids from the reference's tool_enum); no data import, safe in the browser. */
export const TOOL_LABEL: Record<string, string> = {
  massage_ball: "Massage ball",
  foam_roller: "Foam roller",
  massage_stick: "Massage stick",
  handheld_tool: "Hook tool",
  percussive_gun: "Massage gun",
  hands: "Hands",
};
