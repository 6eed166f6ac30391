/**
 * The address a request came from, for throttling and the devices page. Behind a reverse proxy
 * the right-most X-Forwarded-For entry is the one our own proxy appended (a client can put
 * anything to the left of it); without a proxy the header is absent or client-made, and the
 * per-account and per-password limits still hold. Null when nothing says.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined) {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = forwarded?.at(-1) ?? get("x-real-ip")?.trim();
  // An address is short and printable; anything else is someone playing with the header.
  return address && /^[0-9a-fA-F:.[\]]{2,64}$/.test(address) ? address : null;
}

export function headerValue(
  headers: Headers | Record<string, string | string[] | undefined> | undefined,
  name: string,
) {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}
