import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clientPackages, clients, packagePlans } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, notFound } from "@/lib/errors";
import { createDraftInvoice } from "./invoices/create-draft-invoice";
import { issueInvoice } from "./issue-invoice";
import { listClientPackages } from "./client-packages";
import { getPackagePlan } from "./package-plans/get-package-plan";
import { draftInvoiceBody } from "./schemas";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { addDays, localDateIn } from "./rules/dates";
import type { sellPackageBody } from "./package-schemas";

/**
 * Sells a plan to a client: an issued invoice with one line at the plan's price (paid like
 * any invoice: the existing payment, credit and void paths apply), and the client's package
 * with the plan's sessions, covered types and expiry copied onto it. One transaction: no
 * package without its invoice, no invoice without its package. Expiry is the day of sale in
 * the clinic's zone plus the plan's validity (the last day of use, inclusive).
 */
export async function sellPackage(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof sellPackageBody>,
  now = new Date(),
) {
  assertCan(actor, "billing.manage");
  const { packageId, invoiceId } = await db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    if (!client) throw notFound("That client");
    // Another clinic's plan answers 404 like a missing one; an archived one is a 400 on planId.
    const plan = await getPackagePlan(tx, actor, input.planId);
    if (plan.archived) {
      throw invalid("Some fields need attention.", { planId: ["Choose one of the clinic's current packages."] });
    }
    // The plan row is locked so an edit cannot slip between reading it and copying it.
    await tx
      .select({ id: packagePlans.id })
      .from(packagePlans)
      .where(and(clinicScope(actor, packagePlans), eq(packagePlans.id, plan.id)))
      .for("update");
    const settings = await loadBillingSettings(tx, actor.clinicId);
    const draft = await createDraftInvoice(
      tx,
      actor,
      draftInvoiceBody.parse({
        clientId,
        lines: [
          {
            kind: "other",
            description: `Package: ${plan.name} (${plan.sessions} ${plan.sessions === 1 ? "session" : "sessions"})`,
            quantity: 1,
            unitPriceMinor: plan.priceMinor,
            taxRateId: plan.taxRateId ?? settings.defaultTaxRateId,
          },
        ],
      }),
    );
    await issueInvoice(tx, actor, draft.id, draft.version);
    const [row] = await tx
      .insert(clientPackages)
      .values({
        clinicId: actor.clinicId,
        clientId,
        planId: plan.id,
        invoiceId: draft.id,
        name: plan.name,
        typeIds: plan.typeIds,
        sessionsTotal: plan.sessions,
        priceMinor: plan.priceMinor,
        expiresOn: addDays(localDateIn(now, actor.clinicTimezone), plan.validityDays),
        soldBy: actor.userId,
      })
      .returning({ id: clientPackages.id });
    await recordEvent(tx, actor, {
      action: "client_package.sold",
      entityType: "client_package",
      entityId: row!.id,
      details: { clientId, planId: plan.id, invoiceId: draft.id, sessions: plan.sessions },
    });
    return { packageId: row!.id, invoiceId: draft.id };
  });
  const all = await listClientPackages(db, actor, clientId, now);
  return { package: all.find((p) => p.id === packageId)!, invoiceId };
}
