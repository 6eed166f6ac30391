/**
 * The route files under app/api, with the OpenAPI-style path each one serves.
 * next-auth's own catch-all is not ours and is left out.
 */
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const apiRoot = path.resolve(__dirname, "../../app/api");

export interface RouteFile {
  /** e.g. /api/clients/{clientId} */
  path: string;
  file: string;
}

/** [param] folders become {param}; route groups "(x)" are not part of the URL. */
export function apiPathOf(relativeDir: string): string {
  const segments = relativeDir.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/api/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, "");
}

export function listRouteFiles(): RouteFile[] {
  return (fs.readdirSync(apiRoot, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .filter((f) => !f.split(path.sep).includes("[...nextauth]"))
    .map((f) => ({ path: apiPathOf(path.dirname(f) === "." ? "" : path.dirname(f)), file: path.join(apiRoot, f) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The file that serves an OpenAPI-style path, e.g. /api/clients/{clientId} → app/api/clients/[clientId]/route.ts. */
export function routeFileFor(apiPath: string): string {
  const rel = apiPath
    .replace(/^\/api\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/^\{(\w+)\}$/, "[$1]"));
  return path.join(apiRoot, ...rel, "route.ts");
}
