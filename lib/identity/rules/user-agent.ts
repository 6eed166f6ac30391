import Bowser from "bowser";

/**
 * "Firefox on Windows" from a User-Agent header, for the devices page only (never for a
 * decision: the header is whatever the browser, or an attacker, says). bowser is maintained
 * and MIT-licensed (ua-parser-js moved to AGPL in v2).
 */
export function describeUserAgent(ua: string): { browser: string; os: string } {
  if (!ua.trim()) return { browser: "Unknown browser", os: "unknown system" };
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name || "Unknown browser";
  return { browser, os: parsed.os.name || "unknown system" };
}
