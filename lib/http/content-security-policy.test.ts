import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

type Rule = { source: string; headers: { key: string; value: string }[] };
const nextConfig = createRequire(import.meta.url)("../../next.config.js") as { headers: () => Promise<Rule[]> };

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("content security policy", () => {
  it("allows scripts by nonce only: no 'unsafe-inline' and, outside development, no 'unsafe-eval'", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", frameAncestors: "'none'", isDev: false });
    expect(directive(policy, "script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "base-uri")).toBe("'self'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    // Style attributes cannot carry a nonce; a nonce here would also switch 'unsafe-inline' off.
    expect(directive(policy, "style-src")).toBe("'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ nonce: "n", frameAncestors: "'self' https://a.example" })).toContain(
      "frame-ancestors 'self' https://a.example",
    );
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("next.config.js sends no policy of its own: the proxy's, with the nonce, is the only one", async () => {
    const rules = await nextConfig.headers();
    const keys = rules.flatMap((r) => r.headers.map((h) => h.key.toLowerCase()));
    expect(keys).not.toContain("content-security-policy");
    expect(keys).toContain("strict-transport-security");
  });
});
