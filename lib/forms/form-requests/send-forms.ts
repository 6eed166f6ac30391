import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { invalid } from "@/lib/errors";
import type { FormRequestDto } from "../schemas";
import { createFormRequests } from "./create-form-requests";
import { listClientForms } from "./list-client-forms";

export async function sendForms(
  db: Db,
  actor: Actor,
  clientId: string,
  templateIds: string[],
): Promise<FormRequestDto[]> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    const client = await getClientOrThrow(tx, actor, clientId);
    if (client.archivedAt) throw invalid("This client is archived. Restore them before sending forms.");
    await createFormRequests(tx, actor, clientId, templateIds);
  });
  return listClientForms(db, actor, clientId);
}
