import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { draftInvoiceBody } from "../schemas";
import { assertClient, assertTherapist, insertDraft } from "./drafting";
import { getInvoice } from "./get-invoice";

/** A draft invoice written by hand (products, a missed fee). Nothing is numbered until issue. */
export async function createDraftInvoice(db: Db, actor: Actor, input: z.output<typeof draftInvoiceBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction(async (tx) => {
    await assertClient(tx, actor, input.clientId);
    await assertTherapist(tx, actor, input.therapistUserId);
    return insertDraft(tx, actor, { ...input, appointmentId: null });
  });
  return getInvoice(db, actor, id);
}
