import { z } from "zod";
import { clientPrecautionSchema } from "@/lib/programmes/precautions";
import { TOOL_IDS } from "@/lib/programmes/reference";

export const setPrecautionsBody = z.object({
  /** The whole screen: precautions not listed no longer apply. */
  items: z
    .array(clientPrecautionSchema.extend({ note: z.string().trim().max(500).default("") }))
    .max(30)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "Each precaution once, please."),
});

export const setToolsBody = z.object({
  tools: z
    .array(z.enum(TOOL_IDS, "Choose from the listed tools."))
    .max(TOOL_IDS.length)
    .refine((t) => new Set(t).size === t.length, "Each tool once, please."),
});

export const safetyDto = z.object({
  precautions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.string(),
      areas: z.array(z.string()),
      note: z.string(),
      recordedAt: z.string(),
    }),
  ),
  tools: z.array(z.string()),
});
export type SafetyDto = z.infer<typeof safetyDto>;
