import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { assertCanRead } from "./read-access";
import { productDto } from "./rows";

export async function listProducts(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db.select().from(products).where(clinicScope(actor, products)).orderBy(asc(products.name));
  return rows.map(productDto);
}
