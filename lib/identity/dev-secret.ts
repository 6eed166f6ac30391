import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/config";

let cached: string | undefined;

/**
 * Development needs no configuration: a random secret is made once and kept in the
 * git-ignored data folder, so sessions survive restarts. Production refuses to start
 * without NEXTAUTH_SECRET (lib/config.ts). The file is created exclusively ("wx") so two
 * requests racing on a fresh folder cannot end up signing with different secrets.
 */
export function devSecret(): string {
  if (cached) return cached;
  const file = path.resolve(config().KNOTWORK_DATA_DIR, "dev-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}
