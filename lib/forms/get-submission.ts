import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { SubmissionDto } from "./schemas";
import type { FormDefinition } from "./definition";
import { submissionRow } from "./submission-row";

/** A signed form as the client saw and signed it (that version's text). */
export async function getSubmission(db: Db, actor: Actor, clientId: string, requestId: string): Promise<SubmissionDto> {
  assertCan(actor, "clinical.read");
  const { pdfKey, pdfSha256: _, definition, ...row } = await submissionRow(db, actor, clientId, requestId);
  return {
    ...row,
    title: (definition as FormDefinition).title,
    definition: definition as FormDefinition,
    signatureMethod: row.signatureMethod as SubmissionDto["signatureMethod"],
    signedAt: row.signedAt.toISOString(),
    hasPdf: pdfKey !== null,
  };
}
