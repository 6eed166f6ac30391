import "server-only";
import { notFound } from "next/navigation";
import { requireClientPage } from "@/lib/clients/require-client-page";
import type { Permission } from "@/lib/identity/permissions";
import { AppError } from "@/lib/errors";
import { getProgramme } from "@/lib/programmes/programmes/get-programme";
import { getDb } from "@/lib/server-db";
import { recordRead, recordRefused } from "@/lib/audit/record-read";

/**
 * A programme page's actor and programme: 404 when malformed, missing, another clinic's or
 * another client's. The read (or the refused attempt) goes into the audit trail as `read`.
 */
export async function requireProgrammePage(
  clientId: string,
  programmeId: string,
  permission: Permission,
  read: "programme" | "programme_print" = "programme",
) {
  const { actor, client } = await requireClientPage(clientId, permission);
  const db = await getDb();
  const refuse = async (): Promise<never> => {
    await recordRefused(db, actor, { kind: read, entityType: "programme", id: programmeId, reason: "not_found" });
    notFound();
  };
  if (!/^[0-9a-f-]{36}$/i.test(programmeId)) await refuse();
  const programme = await getProgramme(db, actor, programmeId).catch(async (err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") return refuse();
    throw err;
  });
  if (programme.clientId !== client.id) await refuse();
  await recordRead(db, actor, { kind: read, clientId: client.id, entityType: "programme", entityId: programme.id });
  return { actor, client, programme };
}
