import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { notFound } from "@/lib/errors";
import type { PackagePlanDto } from "../package-schemas";
import { listPackagePlans } from "./list-package-plans";

/** One plan of this clinic; another clinic's id answers like a missing one. */
export async function getPackagePlan(db: Db, actor: Actor, planId: string): Promise<PackagePlanDto> {
  const [plan] = await listPackagePlans(db, actor, [planId]);
  if (!plan) throw notFound("That package plan");
  return plan;
}
