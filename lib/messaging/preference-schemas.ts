import { z } from "zod";
import { MESSAGE_CHANNELS } from "@/lib/delivery/rules/channels";

/** A client's message preferences as staff and the client see them (lib/messaging/message-preferences.ts). */
export const messagePreferencesDto = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS),
    smsConsent: z.boolean(),
    /** When and how consent was last given or withdrawn (null: never recorded). */
    smsConsentAt: z.string().nullable(),
    smsConsentSource: z.enum(["staff", "portal"]).nullable(),
    /** The phone on the record, and the number texts go to (E.164), or null when it cannot take texts. */
    phone: z.string().nullable(),
    smsNumber: z.string().nullable(),
    hasEmail: z.boolean(),
    /** Text messages are set up for this server; without it the SMS choices are hidden. */
    smsAvailable: z.boolean(),
  })
  .meta({ id: "MessagePreferences" });
export type MessagePreferencesDto = z.infer<typeof messagePreferencesDto>;

export const messagePreferencesBody = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS),
  smsConsent: z.boolean(),
});
export type MessagePreferencesBody = z.infer<typeof messagePreferencesBody>;

/** The front desk's words for each choice (staff and portal forms). */
export const CHANNEL_LABELS: Record<(typeof MESSAGE_CHANNELS)[number], string> = {
  email: "Email",
  sms: "Text message (SMS)",
  both: "Email and text message",
  none: "No reminders (booking changes still by email)",
};
