import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, products, servicePrices, taxRates, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, notFound } from "@/lib/errors";
import type { priceBody, productBody, productPatchBody, taxRateBody, taxRatePatchBody } from "./schemas";

/** Reading the catalogue: whoever sets it up or bills from it. */
function assertCanRead(actor: Actor) {
  if (!can(actor, "billing.manage")) assertCan(actor, "clinic.settings");
}

const rateDto = (r: typeof taxRates.$inferSelect) => ({
  id: r.id,
  name: r.name,
  rateBp: r.rateBp,
  archived: r.archivedAt !== null,
});

export async function listTaxRates(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db.select().from(taxRates).where(clinicScope(actor, taxRates)).orderBy(asc(taxRates.name));
  return rows.map(rateDto);
}

/** A live tax rate of the clinic, or a 400 on the field that named it. */
export async function requireTaxRate(db: Db, actor: Actor, id: string | null, field: string) {
  if (!id) return null;
  const [r] = await db
    .select()
    .from(taxRates)
    .where(and(clinicScope(actor, taxRates), eq(taxRates.id, id), isNull(taxRates.archivedAt)));
  if (!r) throw invalid("Some fields need attention.", { [field]: ["Choose one of the clinic's tax rates."] });
  return r;
}

export async function createTaxRate(db: Db, actor: Actor, input: z.output<typeof taxRateBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taxRates)
      .values({ clinicId: actor.clinicId, ...input })
      .returning();
    await recordEvent(tx, actor, { action: "tax_rate.created", entityType: "tax_rate", entityId: row!.id });
    return rateDto(row!);
  });
}

/** Rename, or archive; the rate itself is copied onto each line, so issued invoices keep theirs. */
export async function updateTaxRate(db: Db, actor: Actor, id: string, input: z.output<typeof taxRatePatchBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const { archived, ...fields } = input;
    const [row] = await tx
      .update(taxRates)
      .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(and(clinicScope(actor, taxRates), eq(taxRates.id, id)))
      .returning();
    if (!row) throw notFound("That tax rate");
    await recordEvent(tx, actor, {
      action: "tax_rate.updated",
      entityType: "tax_rate",
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return rateDto(row);
  });
}

export async function listPrices(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db
    .select({
      id: servicePrices.id,
      typeId: servicePrices.typeId,
      typeName: appointmentTypes.name,
      therapistUserId: servicePrices.therapistUserId,
      therapistName: users.name,
      amountMinor: servicePrices.amountMinor,
      taxRateId: servicePrices.taxRateId,
      procedureCode: servicePrices.procedureCode,
    })
    .from(servicePrices)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, servicePrices.clinicId), eq(appointmentTypes.id, servicePrices.typeId)),
    )
    .leftJoin(users, eq(users.id, servicePrices.therapistUserId))
    .where(clinicScope(actor, servicePrices))
    .orderBy(asc(appointmentTypes.name), asc(users.name));
  return rows;
}

/** Sets the fee of a type (or a therapist's own fee for it): one row per pair, replaced in place. */
export async function setPrice(db: Db, actor: Actor, input: z.output<typeof priceBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [type] = await tx
      .select({ id: appointmentTypes.id })
      .from(appointmentTypes)
      .where(and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, input.typeId)));
    // Another clinic's type answers like a missing one (existence never leaks).
    if (!type) throw notFound("That appointment type");
    await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const same = and(
      clinicScope(actor, servicePrices),
      eq(servicePrices.typeId, input.typeId),
      input.therapistUserId
        ? eq(servicePrices.therapistUserId, input.therapistUserId)
        : isNull(servicePrices.therapistUserId),
    );
    const [existing] = await tx.select({ id: servicePrices.id }).from(servicePrices).where(same);
    const values = {
      amountMinor: input.amountMinor,
      taxRateId: input.taxRateId,
      procedureCode: input.procedureCode,
      updatedAt: new Date(),
    };
    const id = existing
      ? (await tx.update(servicePrices).set(values).where(same).returning({ id: servicePrices.id }))[0]!.id
      : (
          await tx
            .insert(servicePrices)
            .values({
              clinicId: actor.clinicId,
              typeId: input.typeId,
              therapistUserId: input.therapistUserId,
              ...values,
            })
            .returning({ id: servicePrices.id })
        )[0]!.id;
    await recordEvent(tx, actor, {
      action: "price.set",
      entityType: "service_price",
      entityId: id,
      details: { typeId: input.typeId, therapistUserId: input.therapistUserId },
    });
    return (await listPrices(tx, actor)).find((p) => p.id === id)!;
  });
}

export async function deletePrice(db: Db, actor: Actor, id: string) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(servicePrices)
      .where(and(clinicScope(actor, servicePrices), eq(servicePrices.id, id)))
      .returning({ id: servicePrices.id });
    if (!row) throw notFound("That price");
    await recordEvent(tx, actor, { action: "price.removed", entityType: "service_price", entityId: id });
  });
}

/** The fee for a type and therapist: their own fee, else the clinic's; null when none is set. */
export async function priceFor(db: Db, actor: Actor, typeId: string, therapistUserId: string | null) {
  const rows = await db
    .select()
    .from(servicePrices)
    .where(and(clinicScope(actor, servicePrices), eq(servicePrices.typeId, typeId)));
  return rows.find((r) => r.therapistUserId === therapistUserId) ?? rows.find((r) => !r.therapistUserId) ?? null;
}

const productDto = (p: typeof products.$inferSelect) => ({
  id: p.id,
  name: p.name,
  sku: p.sku,
  priceMinor: p.priceMinor,
  taxRateId: p.taxRateId,
  archived: p.archivedAt !== null,
});

export async function listProducts(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db.select().from(products).where(clinicScope(actor, products)).orderBy(asc(products.name));
  return rows.map(productDto);
}

export async function createProduct(db: Db, actor: Actor, input: z.output<typeof productBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const [row] = await tx
      .insert(products)
      .values({ clinicId: actor.clinicId, ...input })
      .returning();
    await recordEvent(tx, actor, { action: "product.created", entityType: "product", entityId: row!.id });
    return productDto(row!);
  });
}

export async function updateProduct(db: Db, actor: Actor, id: string, input: z.output<typeof productPatchBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    if (input.taxRateId) await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const { archived, ...fields } = input;
    const [row] = await tx
      .update(products)
      .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(and(clinicScope(actor, products), eq(products.id, id)))
      .returning();
    if (!row) throw notFound("That product");
    await recordEvent(tx, actor, {
      action: "product.updated",
      entityType: "product",
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return productDto(row);
  });
}
