import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-e2e/**",
      ".next-e2e-*/**",
      ".next-bench/**",
      // Per-engineer build folders (KNOTWORK_DIST_DIR=.next-NAME).
      ".next-*/**",
      "scripts/bench/bare-next/.next/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    // app/ reaches data only through lib/ (the data-access layer), never db/ directly.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "**/db/*"],
              message: "app/ must go through lib/ (the data-access layer), not db/.",
            },
            { group: ["drizzle-orm", "drizzle-orm/*"], message: "Queries live in lib/, behind the actor's scope." },
          ],
        },
      ],
    },
  },
  {
    // The domain throws lib/errors; only the HTTP layer (lib/http, lib/api, route files) maps them to responses.
    files: ["lib/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts"],
    ignores: ["lib/http/**", "lib/api/**", "lib/testing/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/http/errors", "@/lib/http/respond", "@/lib/http/route", "@/lib/http/route-deps"],
              message: "Throw and read errors from @/lib/errors; HTTP maps them (lib/http).",
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
];

export default config;
