/**
 * Which channels a client message goes by (pure; lib/delivery/deliver-to-client.ts applies it).
 *
 * The client's preference decides, with two safeguards:
 * - "none" stops only the non-essential messages (reminders); a booking, a change or a
 *   cancellation still goes by email, because the client must know their appointment moved.
 * - a message that would go only by SMS but cannot (SMS not set up, no consent, no mobile
 *   number) goes by email instead, so a preference never makes an essential message vanish.
 * Every SMS that is wanted and not sent is still recorded, with why (the message log says so).
 */
export const MESSAGE_CHANNELS = ["email", "sms", "both", "none"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface ChannelFacts {
  preference: MessageChannel;
  /** Reminders are not essential; booking, change and cancellation messages are. */
  essential: boolean;
  hasEmail: boolean;
  /** Why an SMS cannot go (SMS not configured, no consent, no valid number), or null when it can. */
  smsBlocked: string | null;
}

export interface ChannelPlan {
  email: boolean;
  /** true: send; a string: record it as not sent, with this reason; false: no SMS at all. */
  sms: boolean | string;
  /** Why no email goes, when the client gets none (the log records the skipped email). */
  emailSkipped: string | null;
}

export function planChannels(f: ChannelFacts): ChannelPlan {
  if (f.preference === "none" && !f.essential)
    return { email: false, sms: false, emailSkipped: "client chose no reminders" };
  const wantsSms = f.preference === "sms" || f.preference === "both";
  const sms: boolean | string = !wantsSms ? false : f.smsBlocked === null ? true : f.smsBlocked;
  const wantsEmail = f.preference !== "sms" || sms !== true;
  if (!wantsEmail) return { email: false, sms, emailSkipped: null };
  if (!f.hasEmail) return { email: false, sms, emailSkipped: sms === true ? null : "no email address" };
  return { email: true, sms, emailSkipped: null };
}
