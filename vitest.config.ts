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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over CPU (PGlite is single-threaded WASM).
    maxWorkers: 2,
    fileParallelism: true,
  },
});
