import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientEmergencyContacts, clientPrecautions, clients, formProposals } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { clientFields } from "@/lib/clients/schemas";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { WriteBackTarget } from "./definition";
import type { DecideProposalBody, ProposalDto } from "./schemas";
import { listProposals } from "./list-proposals";
import { PRECAUTION_IDS } from "./write-back";

/** Checks an accepted or edited value for its target (same rules as editing the record by hand). */
function checkedValue(target: WriteBackTarget, value: unknown): unknown {
  const fail = (message: string) => invalid(message, { value: [message] });
  if (target === "precautions") {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && PRECAUTION_IDS.has(v)))
      throw fail("Choose precautions from the screen's list.");
    return value;
  }
  if (typeof value !== "string") throw fail("Enter a value.");
  const field = { "client.phone": "phone", "client.email": "email", "client.date_of_birth": "dateOfBirth" } as const;
  if (target in field) {
    const key = field[target as keyof typeof field];
    const r = clientFields.pick({ [key]: true } as { phone: true }).safeParse({ [key]: value });
    if (!r.success) throw fail(r.error.issues[0]?.message ?? "That value is not valid.");
    return (r.data as Record<string, unknown>)[key] ?? null;
  }
  if (value.trim().length > 200) throw fail("Keep this under 200 characters.");
  return value.trim() || null;
}

async function apply(tx: Db, actor: Actor, clientId: string, target: WriteBackTarget, value: unknown, date: string) {
  if (target === "precautions") {
    const ids = value as string[];
    if (ids.length)
      await tx
        .insert(clientPrecautions)
        .values(
          ids.map((precautionId) => ({
            clinicId: actor.clinicId,
            clientId,
            precautionId,
            note: `Declared on a form, ${date}`,
            recordedBy: actor.userId,
          })),
        )
        .onConflictDoNothing();
    return;
  }
  if (target.startsWith("client.emergency")) {
    const set =
      target === "client.emergency_contact_name" ? { name: value as string | null } : { phone: value as string | null };
    await tx
      .insert(clientEmergencyContacts)
      .values({ clinicId: actor.clinicId, clientId, ...set })
      .onConflictDoUpdate({
        target: [clientEmergencyContacts.clinicId, clientEmergencyContacts.clientId],
        set: { ...set, updatedAt: new Date() },
      });
    return;
  }
  const columns: Partial<Record<WriteBackTarget, "phone" | "email" | "dateOfBirth">> = {
    "client.phone": "phone",
    "client.email": "email",
    "client.date_of_birth": "dateOfBirth",
  };
  const column = columns[target]!;
  await tx
    .update(clients)
    .set({ [column]: value, version: sql`${clients.version} + 1`, updatedAt: new Date() })
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
}

/**
 * The therapist's decision on one proposal: accept it, accept an edited value, or dismiss it.
 * Only this writes a form's answers to the record, so precautions never change silently.
 */
export async function decideProposal(
  db: Db,
  actor: Actor,
  clientId: string,
  proposalId: string,
  input: DecideProposalBody,
): Promise<ProposalDto[]> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    const [p] = await tx
      .select({
        target: formProposals.target,
        proposed: formProposals.proposed,
        status: formProposals.status,
        createdAt: formProposals.createdAt,
      })
      .from(formProposals)
      .where(
        and(clinicScope(actor, formProposals), eq(formProposals.clientId, clientId), eq(formProposals.id, proposalId)),
      )
      .for("update");
    if (!p) throw notFound("That proposed change");
    if (p.status !== "pending") throw conflict("This proposed change has already been decided.");
    const target = p.target as WriteBackTarget;
    const value =
      input.action === "dismiss" ? null : checkedValue(target, input.action === "edit" ? input.value : p.proposed);
    if (input.action !== "dismiss")
      await apply(tx, actor, clientId, target, value, p.createdAt.toISOString().slice(0, 10));
    const status = input.action === "accept" ? "accepted" : input.action === "edit" ? "edited" : "dismissed";
    await tx
      .update(formProposals)
      .set({ status, decidedValue: value, decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(clinicScope(actor, formProposals), eq(formProposals.id, proposalId)));
    await recordEvent(tx, actor, {
      action: `form.proposal_${status}`,
      entityType: "form_proposal",
      entityId: proposalId,
      clientId,
      // The target names the field; values (clinical or contact data) stay out of the trail.
      details: { target },
    });
  });
  return listProposals(db, actor, clientId);
}
