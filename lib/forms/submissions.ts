import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formSubmissions, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { AppError, notFound } from "@/lib/errors";
import { readFile, storage, type ObjectStore } from "@/lib/storage";
import type { SubmissionDto } from "./schemas";
import type { FormDefinition } from "./definition";

async function submissionRow(db: Db, actor: Actor, clientId: string, requestId: string) {
  const [row] = await db
    .select({
      id: formSubmissions.id,
      requestId: formSubmissions.requestId,
      clientId: formSubmissions.clientId,
      version: formSubmissions.version,
      definition: formVersions.definition,
      answers: formSubmissions.answers,
      signatureMethod: formSubmissions.signatureMethod,
      signatureName: formSubmissions.signatureName,
      signedAt: formSubmissions.signedAt,
      source: formSubmissions.source,
      contentSha256: formSubmissions.contentSha256,
      pdfKey: formSubmissions.pdfKey,
      pdfSha256: formSubmissions.pdfSha256,
    })
    .from(formSubmissions)
    .innerJoin(
      formVersions,
      and(
        eq(formVersions.clinicId, formSubmissions.clinicId),
        eq(formVersions.templateId, formSubmissions.templateId),
        eq(formVersions.version, formSubmissions.version),
      ),
    )
    .where(
      and(
        clinicScope(actor, formSubmissions),
        eq(formSubmissions.clientId, clientId),
        eq(formSubmissions.requestId, requestId),
      ),
    );
  if (!row) throw notFound("That signed form");
  return row;
}

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

/** The signed form's PDF; 404 with a reason while the job has not rendered it yet. */
export async function getSubmissionPdf(
  db: Db,
  actor: Actor,
  clientId: string,
  requestId: string,
  store: ObjectStore = storage(),
): Promise<{ data: Buffer; fileName: string; sha256: string }> {
  assertCan(actor, "clinical.read");
  const row = await submissionRow(db, actor, clientId, requestId);
  if (!row.pdfKey) throw new AppError("NOT_FOUND", "The PDF of this form is still being made. Try again in a minute.");
  const data = await readFile(store, { key: row.pdfKey, sha256: row.pdfSha256! });
  if (!data) throw new AppError("NOT_FOUND", "The PDF of this form is missing from storage.");
  const title = (row.definition as FormDefinition).title.replace(/[^A-Za-z0-9 -]/g, "").trim() || "form";
  return { data, fileName: `${title} (signed).pdf`, sha256: row.pdfSha256! };
}
