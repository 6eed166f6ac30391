import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import type { Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/http/errors";
import { getClientOrThrow } from "./clients";

/**
 * For client sub-pages and their layouts: the actor (403 page without the permission) and
 * the client (404 page when malformed, missing or another clinic's).
 */
export async function requireClientPage(clientId: string, permission: Permission) {
  const actor = await requireActor({ permission });
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const client = await getClientOrThrow(await getDb(), actor, clientId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return { actor, client };
}
