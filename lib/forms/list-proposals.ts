import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formProposals } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { WriteBackTarget } from "./definition";
import type { ProposalDto } from "./schemas";
import { WRITE_BACK_TARGET_LABELS } from "./kinds";
import { currentValue } from "./write-back";

/** Proposals for the client, pending first, each beside what the record holds now. */
export async function listProposals(db: Db, actor: Actor, clientId: string): Promise<ProposalDto[]> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select({
      id: formProposals.id,
      submissionId: formProposals.submissionId,
      target: formProposals.target,
      proposed: formProposals.proposed,
      status: formProposals.status,
    })
    .from(formProposals)
    .where(and(clinicScope(actor, formProposals), eq(formProposals.clientId, clientId)))
    .orderBy(asc(formProposals.createdAt))
    .limit(200);
  const out: ProposalDto[] = [];
  for (const r of rows) {
    const target = r.target as WriteBackTarget;
    out.push({
      ...r,
      target,
      label: WRITE_BACK_TARGET_LABELS[target],
      status: r.status as ProposalDto["status"],
      current: await currentValue(db, actor.clinicId, clientId, target),
    });
  }
  return out.sort((a, b) => Number(a.status !== "pending") - Number(b.status !== "pending"));
}
