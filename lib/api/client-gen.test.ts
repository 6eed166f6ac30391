import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_FILE, ROOT, renderOperationsModule } from "./client-gen";
import { operations } from "./registry";

describe("app/_lib/operations.gen.ts (the browser's operation references)", () => {
  it("is what `npm run gen:api` writes from the registry today", async () => {
    const committed = readFileSync(join(ROOT, GENERATED_FILE), "utf8");
    // On failure: run `npm run gen:api` and commit the file.
    expect(committed === (await renderOperationsModule()), `${GENERATED_FILE} is stale: run npm run gen:api`).toBe(
      true,
    );
  });

  it("names every operation with its method and path", async () => {
    const { ops } = await import("@/app/_lib/operations.gen");
    const refs = Object.values(ops) as { method: string; path: string }[];
    expect(refs).toHaveLength(operations.length);
    for (const op of operations) {
      expect(
        refs.filter((r) => r.method === op.method && r.path === op.path),
        op.id,
      ).toHaveLength(1);
    }
  });

  it("imports server modules only as types, so nothing of them reaches the browser bundle", () => {
    const text = readFileSync(join(ROOT, GENERATED_FILE), "utf8");
    const imports = text.split("\n").filter((l) => l.startsWith("import "));
    expect(imports.length).toBeGreaterThan(1);
    expect(imports.filter((l) => !l.startsWith("import type "))).toEqual([]);
  });
});
