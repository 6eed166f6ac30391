import { z } from "zod";

// zod 4 probes for eval (`new Function("")`) on the first object parse, to compile faster
// parsers. The nonce-only Content-Security-Policy refuses it, and although zod catches the
// error the browser still reports a violation (e2e/content-security-policy.spec.ts would
// fail on the calendar). In the browser we skip the probe; the server keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });
