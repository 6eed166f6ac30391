import "server-only";
import { config } from "@/lib/config";

/**
 * The public origin for links in emails and invitations. Production always has NEXTAUTH_URL
 * (lib/config-schema.ts); the request's origin is a development convenience only.
 */
export function appUrl(req?: Request): string {
  const configured = config().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  if (req) return new URL(req.url).origin;
  return "http://localhost:3000";
}
