import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { assertValidKey, type ObjectStore } from "./object-store";

/**
 * Files under a folder (KNOTWORK_DATA_DIR/files in embedded mode). Writes go to a temporary
 * name and are renamed into place, so a crash never leaves half a file under a real key.
 */
export function fileStore(root: string): ObjectStore {
  const pathFor = (key: string) => {
    assertValidKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    kind: "local",
    async put(key, data) {
      const file = pathFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(tmp, data, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(pathFor(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(pathFor(key), { force: true });
    },
    presignedGetUrl: async () => null,
    presignedPutUrl: async () => null,
  };
}
