/**
 * Money arithmetic: the one place amounts are rounded. Pure, no I/O.
 *
 * Amounts are integers in the currency's minor unit (pence, cents; yen have none). Rates and
 * discounts are basis points (2000 = 20 %). Intermediate products use BigInt, so nothing is
 * ever a float.
 *
 * THE RULE: each line is rounded once, half away from zero, and the invoice is the plain sum
 * of its rounded lines.
 * - Per line, because the paper must add up: a client or insurer checking the receipt adds the
 *   printed lines and gets the printed total (UK VAT and AU GST both accept line-level rounding).
 * - Half away from zero, because it is symmetric: round(-x) = -round(x), so a discount line or a
 *   credit note mirrors the line it corrects to the minor unit, where half-up or banker's
 *   rounding would drift by one on negative halves. It is also what people do on paper.
 */

const BP = 10_000n;

/** n / d rounded half away from zero (d > 0). */
export function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  const sign = n < 0n ? -1n : 1n;
  const abs = n < 0n ? -n : n;
  return sign * ((abs * 2n + d) / (2n * d));
}

export interface LineInput {
  quantity: number;
  /** May be negative only for a discount line. */
  unitPriceMinor: number;
  /** Percentage off this line, in basis points (0–10000). */
  discountBp?: number;
  /** Tax rate in basis points (0–10000). */
  taxRateBp: number;
}

export interface LineAmounts {
  /** Before tax. */
  netMinor: number;
  taxMinor: number;
  /** What the client pays for the line: net + tax. */
  totalMinor: number;
}

/**
 * One line. Exclusive prices: tax = rate × amount, added on top. Inclusive prices: the amount
 * already holds the tax, tax = amount × rate / (1 + rate), net is the rest, and the total stays
 * exactly the price the client was quoted.
 */
export function lineAmounts(line: LineInput, taxInclusive: boolean): LineAmounts {
  const gross = BigInt(line.quantity) * BigInt(line.unitPriceMinor);
  const discount = divRoundHalfAwayFromZero(gross * BigInt(line.discountBp ?? 0), BP);
  const amount = gross - discount;
  const rate = BigInt(line.taxRateBp);
  if (taxInclusive) {
    const tax = divRoundHalfAwayFromZero(amount * rate, BP + rate);
    return { netMinor: Number(amount - tax), taxMinor: Number(tax), totalMinor: Number(amount) };
  }
  const tax = divRoundHalfAwayFromZero(amount * rate, BP);
  return { netMinor: Number(amount), taxMinor: Number(tax), totalMinor: Number(amount + tax) };
}

export interface Totals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The invoice: the sum of its rounded lines, nothing rounded again. */
export function invoiceTotals(lines: readonly LineAmounts[]): Totals {
  let net = 0n;
  let tax = 0n;
  for (const l of lines) {
    net += BigInt(l.netMinor);
    tax += BigInt(l.taxMinor);
  }
  return { subtotalMinor: Number(net), taxMinor: Number(tax), totalMinor: Number(net + tax) };
}

/** Digits after the decimal point for an ISO 4217 currency (GBP 2, JPY 0, BHD 3), from Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Whether this runtime knows the code as an ISO 4217 currency. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf("currency").includes(code);
}

/** The exact decimal string of a minor-unit amount ("-12.05"), with no float in between. */
export function minorToDecimalString(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const s = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  const whole = digits ? s.slice(0, -digits) : s;
  const frac = digits ? `.${s.slice(-digits)}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/**
 * Parses what a person types ("12", "12.5", "12.50") into minor units; null when it is not
 * an amount or has more decimals than the currency allows.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^\s*(-)?(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? "";
  if (frac.length > digits) return null;
  const value = BigInt(m[2]! + frac.padEnd(digits, "0"));
  return Number(m[1] ? -value : value);
}

/** An amount in the clinic's locale and currency ("£12.50", "12,50 €"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const nf = new Intl.NumberFormat(locale, { style: "currency", currency });
  // Intl takes a decimal string exactly (no binary float), as of ECMA-402 NumberFormat v3.
  return nf.format(minorToDecimalString(minor, currency) as unknown as number);
}
