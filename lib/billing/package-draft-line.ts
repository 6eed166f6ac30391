import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, invoiceLines, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { priceFor } from "./catalogue/lookups";
import { computeLines, replaceDraftLines, type LineInput } from "./invoice-lines";
import { packageLineSuffix, type Redemption } from "./redeem-package";

/**
 * A session went back to the client's package while the appointment's invoice is still a draft:
 * the £0 "Package: …" line would let the visit go out free, so it becomes the fee again (the
 * therapist's own price when set). Other lines the desk added stay as they are. Runs in the
 * give-back's transaction; the draft's version moves on so an open editor is told.
 */
export async function chargeFeeOnDraft(tx: Db, actor: Actor, appointmentId: string, given: Redemption) {
  const [draft] = await tx
    .select({
      id: invoices.id,
      version: invoices.version,
      taxInclusive: invoices.taxInclusive,
      typeId: appointments.typeId,
      therapistUserId: invoices.therapistUserId,
    })
    .from(invoices)
    .innerJoin(
      appointments,
      and(eq(appointments.clinicId, invoices.clinicId), eq(appointments.id, invoices.appointmentId)),
    )
    .where(
      and(
        clinicScope(actor, invoices),
        eq(invoices.appointmentId, appointmentId),
        eq(invoices.kind, "invoice"),
        eq(invoices.status, "draft"),
      ),
    )
    .for("update", { of: invoices });
  if (!draft) return false;
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(and(clinicScope(actor, invoiceLines), eq(invoiceLines.invoiceId, draft.id)))
    .orderBy(asc(invoiceLines.position));
  const suffix = packageLineSuffix(given);
  const at = lines.findIndex((l) => l.kind === "service" && l.unitPriceMinor === 0 && l.description.endsWith(suffix));
  if (at < 0) return false;
  const price = await priceFor(tx, actor, draft.typeId, draft.therapistUserId);
  const inputs: LineInput[] = lines.map((l, i) => ({
    kind: l.kind,
    description: i === at ? l.description.slice(0, -suffix.length) : l.description,
    productId: l.productId,
    procedureCode: l.procedureCode,
    quantity: l.quantity,
    unitPriceMinor: i === at ? (price?.amountMinor ?? 0) : l.unitPriceMinor,
    discountBp: l.discountBp,
    taxRateId: i === at ? (price?.taxRateId ?? l.taxRateId) : l.taxRateId,
  }));
  const rows = await computeLines(tx, actor, draft.id, inputs, draft.taxInclusive);
  await replaceDraftLines(tx, actor, draft.id, rows);
  await tx
    .update(invoices)
    .set({ version: draft.version + 1 })
    .where(and(clinicScope(actor, invoices), eq(invoices.id, draft.id)));
  await recordEvent(tx, actor, {
    action: "invoice.draft_updated",
    entityType: "invoice",
    entityId: draft.id,
    details: { appointmentId, reason: "package_session_returned" },
  });
  return true;
}
