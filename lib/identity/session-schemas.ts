import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./password-rules";

export const deviceDto = z
  .object({
    id: z.uuid(),
    browser: z.string(),
    os: z.string(),
    address: z.string().nullable(),
    signedInAt: z.iso.datetime({ offset: true }),
    lastActiveAt: z.iso.datetime({ offset: true }),
    /** The browser making the request. */
    current: z.boolean(),
  })
  .meta({ id: "Device" });
export type DeviceDto = z.infer<typeof deviceDto>;

export const signOutDeviceBody = z.object({ sessionId: z.uuid("Choose a device.") });

export const staffMemberParams = z.object({ userId: z.uuid() });
export const staffRoleParams = z.object({ userId: z.uuid(), role: z.enum(["admin", "therapist"]) });
export const staffRemovalDto = z.object({
  removed: z.array(z.enum(["admin", "therapist"])),
  sessionsEnded: z.number().int(),
});

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(200, "Use at most 200 characters."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });
