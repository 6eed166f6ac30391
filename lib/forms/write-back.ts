import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientEmergencyContacts, clientPrecautions, clients, formProposals } from "@/db/schema";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import type { FormDefinition, WriteBackTarget } from "./definition";
import { allQuestions } from "./questions";
import type { Answers } from "./rules/answers";

/** The precautions a form may propose and a decision may record: the screen's list. */
export const PRECAUTION_IDS = new Set<string>(PRECAUTIONS.map((p) => p.id));

/** What the record holds now for a target (precautions: the recorded ids). */
export async function currentValue(
  tx: Db,
  clinicId: string,
  clientId: string,
  target: WriteBackTarget,
): Promise<unknown> {
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
