import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { computeLines, replaceDraftLines } from "../invoice-lines";
import type { updateDraftBody } from "../schemas";
import { assertTherapist } from "./drafting";
import { getInvoice } from "./get-invoice";
import { lockDraft } from "./lookups";

export async function updateDraftInvoice(
  db: Db,
  actor: Actor,
  invoiceId: string,
  input: z.output<typeof updateDraftBody>,
) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, invoiceId, input.version);
    await assertTherapist(tx, actor, input.therapistUserId);
    const rows = await computeLines(tx, actor, invoiceId, input.lines, inv.taxInclusive);
    await replaceDraftLines(tx, actor, invoiceId, rows);
    await tx
      .update(invoices)
      .set({
        therapistUserId: input.therapistUserId,
        serviceDate: input.serviceDate,
        diagnosisCodes: input.diagnosisCodes,
        notes: input.notes,
        version: inv.version + 1,
      })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, {
      action: "invoice.draft_updated",
      entityType: "invoice",
      entityId: invoiceId,
      details: { lines: rows.length },
    });
  });
  return getInvoice(db, actor, invoiceId);
}
