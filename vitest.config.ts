import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // server-only guards the browser bundle; tests run server code in plain Node.
      { find: "server-only", replacement: path.resolve(__dirname, "lib/testing/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    // Limits catch a hang, not slowness (speed goals live in `npm run bench`). On two cores beside
    // other CPU-heavy work, a fresh database plus the authorization walk's world took over 60 s to set
    // up and single tests up to 41 s, so both limits sit well above what a loaded machine needs.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Two cores: more workers only fight over CPU (PGlite is single-threaded WASM).
    maxWorkers: 2,
    fileParallelism: true,
  },
});
