import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

type Rule = { source: string; headers: { key: string; value: string }[] };
const nextConfig = createRequire(import.meta.url)("../../next.config.js") as { headers: () => Promise<Rule[]> };

describe("content security policy", () => {
  it("next.config.js sends the proxy's policy with frame-ancestors 'none', and leaves /book/ to the proxy", async () => {
    const rules = await nextConfig.headers();
    const csp = (r: Rule) => r.headers.find((h) => h.key === "Content-Security-Policy")?.value;
    const everywhere = rules.find((r) => csp(r));
    expect(csp(everywhere!)).toBe(contentSecurityPolicy("'none'"));
    expect(everywhere!.source).toContain("(?!book/)");
    const book = rules.find((r) => r.source.startsWith("/book"));
    expect(book && csp(book)).toBeUndefined();
  });
});
