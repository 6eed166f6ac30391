import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientEmergencyContacts, clientPrecautions, clients, formProposals } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { clientFields } from "@/lib/clients/schemas";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import type { FormDefinition, WriteBackTarget } from "./definition";
import { allQuestions } from "./questions";
import type { Answers } from "./rules/answers";
import type { DecideProposalBody, ProposalDto } from "./schemas";
import { WRITE_BACK_TARGET_LABELS } from "./kinds";

const PRECAUTION_IDS = new Set<string>(PRECAUTIONS.map((p) => p.id));

/** What the record holds now for a target (precautions: the recorded ids). */
async function currentValue(tx: Db, clinicId: string, clientId: string, target: WriteBackTarget): Promise<unknown> {
  if (target === "precautions") {
    const rows = await tx
      .select({ id: clientPrecautions.precautionId })
      .from(clientPrecautions)
      .where(and(eq(clientPrecautions.clinicId, clinicId), eq(clientPrecautions.clientId, clientId)));
    return rows.map((r) => r.id).sort();
  }
  if (target.startsWith("client.emergency")) {
    const [row] = await tx
      .select({ name: clientEmergencyContacts.name, phone: clientEmergencyContacts.phone })
      .from(clientEmergencyContacts)
      .where(and(eq(clientEmergencyContacts.clinicId, clinicId), eq(clientEmergencyContacts.clientId, clientId)));
    return (target === "client.emergency_contact_name" ? row?.name : row?.phone) ?? null;
  }
  const [row] = await tx
    .select({ phone: clients.phone, email: clients.email, dateOfBirth: clients.dateOfBirth })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return (target === "client.phone" ? row?.phone : target === "client.email" ? row?.email : row?.dateOfBirth) ?? null;
}

/**
 * After a form is signed: each mapped answer that differs from the record becomes a proposal.
 * Precautions propose only what is not recorded yet (a form never removes one).
 */
export async function proposeWriteBacks(
  tx: Db,
  clinicId: string,
  clientId: string,
  submissionId: string,
  def: FormDefinition,
  answers: Answers,
) {
  for (const q of allQuestions(def)) {
    if (!q.mapsTo || answers[q.id] === undefined) continue;
    const current = await currentValue(tx, clinicId, clientId, q.mapsTo);
    let proposed: unknown = answers[q.id];
    if (q.mapsTo === "precautions") {
      const have = new Set(current as string[]);
      proposed = (proposed as string[]).filter((id) => PRECAUTION_IDS.has(id) && !have.has(id));
      if (!(proposed as string[]).length) continue;
    } else if (proposed === current) continue;
    await tx.insert(formProposals).values({ clinicId, submissionId, clientId, target: q.mapsTo, proposed });
  }
}

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
