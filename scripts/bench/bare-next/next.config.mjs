// A bare Next app built with the project's own next, react and pg: the framework's floor for
// scripts/bench/servers.ts. It lives inside the repository so it resolves the same node_modules.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const config = {
  distDir: ".next",
  serverExternalPackages: ["pg"],
  poweredByHeader: false,
  turbopack: { root: path.resolve(here, "../../..") },
};

export default config;
