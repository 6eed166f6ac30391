// zod 4 probes for eval (`new Function("")`) on the first object parse, to compile faster
// parsers. The nonce-only Content-Security-Policy refuses it, and although zod catches the
// error the browser still reports a violation (e2e/content-security-policy.spec.ts). So every
// client module that brings zod into the browser (itself, or through a lib schema) imports this
// file first, and the switch is set before any parse; pages that parse nothing with zod
// (sign-in) ship none of it (guard: app/_lib/zod-in-the-browser.test.ts). Not a re-export of
// zod: through one the bundler kept all of classic zod and its locales (~90 KB gzip against
// ~34 KB). The config lives in zod's core, shared by classic zod and zod/mini. The server keeps
// zod's fast path.
import { config } from "zod/v4/core";

if (typeof window !== "undefined") config({ jitless: true });
