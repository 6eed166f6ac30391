import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { clients, clinics, formSubmissions, formVersions } from "@/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import { putFile, readFile, storage, type ObjectStore } from "@/lib/storage";
import type { FormDefinition } from "./definition";
import { renderSignedFormPdf } from "./render-pdf";

/**
 * Renders a signed form's PDF and keeps it in storage. Idempotent: a submission that already
 * has its PDF is left alone, and the row accepts its PDF key only once (trigger).
 */
export async function renderSubmissionPdf(
  db: Db,
  clinicId: string,
  submissionId: string,
  store: ObjectStore = storage(),
) {
  const [s] = await db
    .select({
      id: formSubmissions.id,
      clientId: formSubmissions.clientId,
      version: formSubmissions.version,
      answers: formSubmissions.answers,
      method: formSubmissions.signatureMethod,
      name: formSubmissions.signatureName,
      imageKey: formSubmissions.signatureImageKey,
      imageSha256: formSubmissions.signatureImageSha256,
      signedAt: formSubmissions.signedAt,
      ip: formSubmissions.ip,
      userAgent: formSubmissions.userAgent,
      contentSha256: formSubmissions.contentSha256,
      pdfKey: formSubmissions.pdfKey,
      definition: formVersions.definition,
      clinicName: clinics.name,
      timezone: clinics.timezone,
      locale: clinics.locale,
      firstName: clients.firstName,
      lastName: clients.lastName,
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
    .innerJoin(clinics, eq(clinics.id, formSubmissions.clinicId))
    .innerJoin(clients, and(eq(clients.clinicId, formSubmissions.clinicId), eq(clients.id, formSubmissions.clientId)))
    .where(and(eq(formSubmissions.clinicId, clinicId), eq(formSubmissions.id, submissionId)));
  if (!s || s.pdfKey) return;
  const png = s.imageKey ? await readFile(store, { key: s.imageKey, sha256: s.imageSha256! }) : null;
  const fmt = clinicFormat({ locale: s.locale as ClinicLocale, timeZone: s.timezone });
  const pdf = await renderSignedFormPdf({
    clinicName: s.clinicName,
    clientName: `${s.firstName} ${s.lastName}`,
    definition: s.definition as FormDefinition,
    version: s.version,
    answers: s.answers,
    signature: { method: s.method as "drawn" | "typed", name: s.name, png },
    signedAtText: `${fmt.at(s.signedAt, "dateTimeFull")} (${fmt.zoneName(s.signedAt)})`,
    ip: s.ip,
    userAgent: s.userAgent,
    contentSha256: s.contentSha256,
  });
  const file = await putFile(
    store,
    `clinics/${clinicId}/clients/${s.clientId}/forms/${s.id}/signed.pdf`,
    pdf,
    "application/pdf",
  );
  await db
    .update(formSubmissions)
    .set({ pdfKey: file.key, pdfSha256: file.sha256 })
    .where(
      and(eq(formSubmissions.clinicId, clinicId), eq(formSubmissions.id, submissionId), isNull(formSubmissions.pdfKey)),
    );
}

export const renderFormPdfJob = defineJob({
  name: "forms.render-pdf",
  payload: z.object({ clinicId: z.uuid(), submissionId: z.uuid() }),
  maxAttempts: 5,
  run: (db, p) => renderSubmissionPdf(db, p.clinicId, p.submissionId),
});
