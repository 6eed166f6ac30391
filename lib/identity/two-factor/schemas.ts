import { z } from "zod";

export const twoFactorStatusDto = z.object({
  enabled: z.boolean(),
  /** Enrolment started but not yet confirmed with a first code. */
  pending: z.boolean(),
  confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  recoveryCodesLeft: z.number().int(),
  /** The current clinic requires it for staff (so turning it off sends you back to set-up). */
  requiredByClinic: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusDto>;

export const twoFactorSetupDto = z.object({
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The same URI as an SVG QR code (data: URL), rendered on the server. */
  qrDataUrl: z.string(),
});

const code = z
  .string("Enter the code.")
  .trim()
  .min(6, "Enter the 6-digit code.")
  .max(40, "That code is too long.")
  .regex(/^[0-9a-zA-Z\s-]+$/, "Use only the digits or letters of the code.");

export const confirmTwoFactorBody = z.object({ code });

/** Turning off or replacing recovery codes asks for proof: the password or a current code. */
export const twoFactorProofBody = z
  .object({
    code: code.optional(),
    password: z.string().min(1, "Enter your password.").max(1024).optional(),
  })
  .refine((b) => Boolean(b.code || b.password), {
    message: "Enter your password or a code from your authenticator app.",
    path: ["password"],
  });

export const recoveryCodesDto = z.object({ recoveryCodes: z.array(z.string()) });
