import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/identity/password-rules";

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const staffInvitationBody = z.object({
  email: z.string().trim().toLowerCase().check(z.email("Enter a valid email address.")),
  role: z.enum(["admin", "therapist"], "Choose therapist or admin."),
});

export const clientInvitationBody = z.object({
  // Defaults to the email on the client record.
  email: z.string().trim().toLowerCase().check(z.email("Enter a valid email address.")).optional(),
});

export const invitationIdParams = z.object({ invitationId: z.uuid() });

export const acceptInvitationBody = z
  .object({
    token: z.string().min(20).max(200),
    // Required only when the email has no account yet.
    name: z.string().trim().min(1, "Enter your name.").max(120).optional(),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const requestResetBody = z.object({
  email: z.string().trim().toLowerCase().check(z.email("Enter a valid email address.")),
});

export const completeResetBody = z
  .object({ token: z.string().min(20).max(200), password: newPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const invitationDto = z.object({
  id: z.uuid(),
  kind: z.enum(["staff", "client"]),
  email: z.string(),
  role: z.enum(["admin", "therapist", "client"]),
  clientId: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  /** Only in the response that creates it: the link is shown once, to copy. */
  link: z.string().optional(),
});
export type InvitationDto = z.infer<typeof invitationDto>;
