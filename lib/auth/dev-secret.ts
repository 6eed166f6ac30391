import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/config";

/**
 * Development needs no configuration: a random secret is made once and kept in the
 * git-ignored data folder, so sessions survive restarts. Production refuses to start
 * without NEXTAUTH_SECRET (lib/config.ts).
 */
export function devSecret(): string {
  const file = path.resolve(config().KNOTWORK_DATA_DIR, "dev-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const value = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, value, { mode: 0o600 });
    return value;
  }
}
