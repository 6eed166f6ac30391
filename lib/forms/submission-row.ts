import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formSubmissions, formVersions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";

/** A client's signed form with the text of the version signed; NOT_FOUND when there is none. */
export async function submissionRow(db: Db, actor: Actor, clientId: string, requestId: string) {
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
