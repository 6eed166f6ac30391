/** The GSM 03.38 basic alphabet (one septet each) and its extension table (two septets: escape + char). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

/**
 * Length in GSM-7 septets, or null when the text needs UCS-2 (then a segment holds 70 characters,
 * not 160). One segment is 160 septets; longer texts go as 153-septet parts.
 */
export function gsmLength(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) n += 1;
    else if (GSM_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

/** Typographic characters a clinic name may hold, replaced by GSM ones so one of them does not turn the text into UCS-2. */
export function toGsm(text: string): string {
  return text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/\u00a0|\u202f/g, " ");
}

/** Segments a text takes: one up to 160 septets, else 153-septet parts (70 and 67 characters in UCS-2). */
export function segments(text: string): number {
  const gsm = gsmLength(text);
  if (gsm !== null) return gsm <= 160 ? 1 : Math.ceil(gsm / 153);
  const units = [...text].length;
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
