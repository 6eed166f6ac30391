import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { ComplaintDto } from "./schemas";

// What reading and setting a visit's pain scores share: the shape both return, and the visit lookup.

export interface VisitPain {
  complaints: ComplaintDto[];
  scores: { complaintId: string; before: number | null; after: number | null }[];
}

export async function visitOrThrow(db: Db, actor: Actor, visitId: string) {
  const [v] = await db
    .select({ id: visits.id, clientId: visits.clientId, signedAt: visits.signedAt })
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)));
  if (!v) throw notFound("That visit");
  return v;
}
