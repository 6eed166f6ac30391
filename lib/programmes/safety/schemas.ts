import { z } from "zod";
import { clientPrecautionSchema } from "@/lib/programmes/precautions";

export const setPrecautionsBody = z.object({
  /** The whole screen: precautions not listed no longer apply. */
  items: z
    .array(clientPrecautionSchema.extend({ note: z.string().trim().max(500).default("") }))
    .max(30)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "Each precaution once, please."),
});

// Kept beside the tool ids so the portal's tools form can validate with it without the reference JSON.
export { setToolsBody } from "@/lib/programmes/tool-ids";

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
