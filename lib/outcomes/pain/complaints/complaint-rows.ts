import "server-only";
import { cache } from "react";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import type { ComplaintDto } from "../schemas";

// A complaint row as the API returns it, and the client's complaints read without a permission check
// (the callers make it): shared by the complaint use-cases beside this file, visit pain and progress.

type Row = typeof complaints.$inferSelect;
export const toComplaintDto = (r: Row): ComplaintDto => ({
  id: r.id,
  clientId: r.clientId,
  title: r.title,
  regions: r.regions,
  onsetDate: r.onsetDate,
  status: r.status,
  resolvedOn: r.resolvedOn,
  version: r.version,
});

/**
 * The complaints query alone, for a use-case that checks the client itself (progress reads the client
 * beside it). Memoised per server render: the portal home's pain cards and its progress both list them.
 */
export const readComplaints = cache(async (db: Db, actor: Actor, clientId: string): Promise<ComplaintDto[]> => {
  const rows = await db
    .select()
    .from(complaints)
    .where(and(clinicScope(actor, complaints), eq(complaints.clientId, clientId)))
    .orderBy(sql`${complaints.status} = 'resolved'`, asc(complaints.createdAt));
  return rows.map(toComplaintDto);
});
