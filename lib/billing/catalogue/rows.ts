import type { products, taxRates } from "@/db/schema";

export const rateDto = (r: typeof taxRates.$inferSelect) => ({
  id: r.id,
  name: r.name,
  rateBp: r.rateBp,
  archived: r.archivedAt !== null,
});

export const productDto = (p: typeof products.$inferSelect) => ({
  id: p.id,
  name: p.name,
  sku: p.sku,
  priceMinor: p.priceMinor,
  taxRateId: p.taxRateId,
  archived: p.archivedAt !== null,
});
