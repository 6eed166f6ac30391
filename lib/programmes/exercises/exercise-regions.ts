import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicMuscles, muscles } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";

/** Body regions for the filter: the library's and those of the clinic's own muscles. */
export async function exerciseRegions(db: Db, actor: Actor): Promise<string[]> {
  const [lib, own] = await Promise.all([
    db.selectDistinct({ region: muscles.region }).from(muscles).orderBy(asc(muscles.region)),
    db
      .selectDistinct({ region: clinicMuscles.region })
      .from(clinicMuscles)
      .where(and(clinicScope(actor, clinicMuscles), isNull(clinicMuscles.archivedAt))),
  ]);
  return [...new Set([...lib, ...own].map((r) => r.region))].sort();
}
