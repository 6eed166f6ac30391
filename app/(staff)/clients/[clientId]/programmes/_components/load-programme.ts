import "server-only";
import { notFound } from "next/navigation";
import { requireClientPage } from "@/lib/clients/require-client-page";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";
import { getProgramme } from "@/lib/programmes/programmes";
import { getDb } from "@/lib/server-db";

/** A programme page's actor and programme: 404 when malformed, missing, another clinic's or another client's. */
export async function requireProgrammePage(clientId: string, programmeId: string, permission: Permission) {
  const { actor, client } = await requireClientPage(clientId, permission);
  if (!/^[0-9a-f-]{36}$/i.test(programmeId)) notFound();
  const programme = await getProgramme(await getDb(), actor, programmeId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  if (programme.clientId !== client.id) notFound();
  return { actor, client, programme };
}
