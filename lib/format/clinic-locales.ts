/**
 * The locales a clinic can choose for dates and times (and the zones it can be in). Pure: the
 * settings form, the zod schema and the database CHECK read the same list.
 */
export const CLINIC_LOCALES = ["en-GB", "en-US", "en-AU", "en-CA", "en-NZ", "en-IE"] as const;
export type ClinicLocale = (typeof CLINIC_LOCALES)[number];
/** A clinic that has not chosen (and the database default). */
export const DEFAULT_CLINIC_LOCALE: ClinicLocale = "en-GB";

export const CLINIC_LOCALE_LABEL: Record<ClinicLocale, string> = {
  "en-GB": "English (United Kingdom)",
  "en-US": "English (United States)",
  "en-AU": "English (Australia)",
  "en-CA": "English (Canada)",
  "en-NZ": "English (New Zealand)",
  "en-IE": "English (Ireland)",
};

let zones: string[] | null = null;
/**
 * IANA zones the runtime's tz database offers (Intl.supportedValuesOf), plus "UTC", sorted.
 * The server's list is the one that counts: it validates the setting and feeds the picker.
 */
export function clinicTimeZones(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  return zones;
}

/** A zone the clinic may choose: listed, or an alias the runtime resolves to a listed one. */
export function isClinicTimeZone(tz: string): boolean {
  const list = clinicTimeZones();
  if (list.includes(tz)) return true;
  try {
    return list.includes(new Intl.DateTimeFormat("en-GB", { timeZone: tz }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}
