import { z } from "zod";
import { formDefinitionSchema, FORM_KINDS, WRITE_BACK_TARGETS } from "./definition";
import { SEEDED_FORM_KEYS } from "./templates";
import { FORM_REQUEST_STATUSES, PROPOSAL_STATUSES, SIGNATURE_METHODS } from "./kinds";

export const templateDto = z
  .object({
    id: z.uuid(),
    seedKey: z.enum(SEEDED_FORM_KEYS).nullable(),
    title: z.string(),
    kind: z.enum(FORM_KINDS),
    currentVersion: z.number().int(),
  })
  .meta({ id: "FormTemplate" });
export type TemplateDto = z.infer<typeof templateDto>;

/** `definition` is null for a new blank form that has not been saved yet (version 0, nothing to send). */
export const templateDetailDto = templateDto.extend({ definition: formDefinitionSchema.nullable() });
export type TemplateDetailDto = z.infer<typeof templateDetailDto>;

/** The clinic's templates, and the seeded forms it has not copied yet (dry needling only within scope). */
export const templateListDto = z.object({
  templates: z.array(templateDto),
  available: z.array(z.object({ seedKey: z.enum(SEEDED_FORM_KEYS), title: z.string() })),
});

export const templateParams = z.object({ templateId: z.uuid() });
export const copySeededBody = z.object({
  seedKey: z.enum(SEEDED_FORM_KEYS, "Choose one of the clinic's starting forms."),
});
export { newFormBody, type NewFormBody } from "./definition";
/**
 * Saving a template's text makes a new version; `baseVersion` is the one edited (409 when stale;
 * 0 for a new blank form's first save).
 */
export const saveTemplateBody = z.object({ baseVersion: z.number().int().min(0), definition: formDefinitionSchema });

export const sendFormsBody = z.object({
  templateIds: z
    .array(z.uuid())
    .min(1, "Choose at least one form.")
    .max(10, "At most 10 forms at once.")
    .refine((ids) => new Set(ids).size === ids.length, "Each form once."),
});

export const formRequestDto = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    templateId: z.uuid(),
    title: z.string(),
    version: z.number().int(),
    status: z.enum(FORM_REQUEST_STATUSES),
    sentAt: z.string(),
    submissionId: z.uuid().nullable(),
    signedAt: z.string().nullable(),
  })
  .meta({ id: "FormRequest" });
export type FormRequestDto = z.infer<typeof formRequestDto>;
export const formRequestListDto = z.object({ requests: z.array(formRequestDto) });

export const clientFormParams = z.object({ requestId: z.uuid(), clientId: z.uuid() });
export const portalFormParams = z.object({ requestId: z.uuid() });

/** A form to fill in: the exact version that was sent. */
export const fillFormDto = z.object({
  id: z.uuid(),
  title: z.string(),
  version: z.number().int(),
  status: z.enum(FORM_REQUEST_STATUSES),
  clinicName: z.string(),
  definition: formDefinitionSchema,
});
export type FillFormDto = z.infer<typeof fillFormDto>;

const PNG_DATA = /^[A-Za-z0-9+/]+={0,2}$/;
export const signatureSchema = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("typed"),
    name: z.string().trim().min(2, "Type your full name.").max(200),
    consent: z.literal(true, "Tick the box to confirm that typing your name is your signature."),
  }),
  z.object({
    method: z.literal("drawn"),
    name: z.string().trim().min(2, "Type your full name.").max(200),
    /** The pad's PNG, base64 (at most ~200 KB). */
    pngBase64: z
      .string()
      .min(100, "Draw your signature in the box.")
      .max(280_000, "The signature image is too large.")
      .regex(PNG_DATA),
  }),
]);

export const submitFormBody = z.object({
  answers: z.record(z.string().max(40), z.unknown()),
  signature: signatureSchema,
});
export type SubmitFormBody = z.infer<typeof submitFormBody>;

export const submissionDto = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    clientId: z.uuid(),
    title: z.string(),
    version: z.number().int(),
    definition: formDefinitionSchema,
    answers: z.record(z.string(), z.unknown()),
    signatureMethod: z.enum(SIGNATURE_METHODS),
    signatureName: z.string(),
    signedAt: z.string(),
    source: z.string(),
    contentSha256: z.string(),
    hasPdf: z.boolean(),
  })
  .meta({ id: "FormSubmission" });
export type SubmissionDto = z.infer<typeof submissionDto>;

export const proposalDto = z
  .object({
    id: z.uuid(),
    submissionId: z.uuid(),
    target: z.enum(WRITE_BACK_TARGETS),
    label: z.string(),
    current: z.unknown(),
    proposed: z.unknown(),
    status: z.enum(PROPOSAL_STATUSES),
  })
  .meta({ id: "FormProposal" });
export type ProposalDto = z.infer<typeof proposalDto>;
export const proposalListDto = z.object({ proposals: z.array(proposalDto) });
export const proposalParams = z.object({ proposalId: z.uuid(), clientId: z.uuid() });

/** Accept as proposed, accept an edited value, or dismiss (the record stays as it is). */
export const decideProposalBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }),
  z.object({
    action: z.literal("edit"),
    value: z.union([z.string().trim().max(200), z.array(z.string().max(40)).max(40)]),
  }),
  z.object({ action: z.literal("dismiss") }),
]);
export type DecideProposalBody = z.infer<typeof decideProposalBody>;
