import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { ClinicLocale } from "@/lib/format/clinic-locales";

/** A clinic's country, for numbers written without a country code: the region of its locale (en-GB → GB). */
export function clinicCountry(locale: ClinicLocale | string): CountryCode {
  return (locale.split("-")[1]?.toUpperCase() ?? "GB") as CountryCode;
}

/**
 * The number in E.164 (+447700900123), read as the clinic's country when written locally
 * ("07700 900123"), or null when it cannot be a number that receives texts (too short or long,
 * or a landline where the numbering plan tells them apart). libphonenumber-js's "max" metadata tells mobile
 * from fixed lines; Google's numbering data rather than a hand-kept list of prefixes.
 */
export function smsNumber(phone: string | null | undefined, locale: ClinicLocale | string): string | null {
  const raw = phone?.trim();
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, clinicCountry(locale));
  if (!parsed) return null;
  // A number the numbering plan does not (yet) list but whose length fits — a new range, or the
  // ranges reserved for drama and tests (07700 900xxx) — is tried: the provider has the last word.
  if (!parsed.isValid()) return parsed.isPossible() ? parsed.number : null;
  const type = parsed.getType();
  // FIXED_LINE cannot take texts; FIXED_LINE_OR_MOBILE (the US, Canada) and unknown types may.
  if (type === "FIXED_LINE" || type === "TOLL_FREE" || type === "SHARED_COST" || type === "VOICEMAIL") return null;
  return parsed.number;
}
