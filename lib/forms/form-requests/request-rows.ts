import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formRequests, formSubmissions, formTemplates } from "@/db/schema";
import type { FormRequestDto } from "../schemas";

const requestColumns = {
  id: formRequests.id,
  clientId: formRequests.clientId,
  templateId: formRequests.templateId,
  title: formTemplates.title,
  version: formRequests.version,
  status: formRequests.status,
  sentAt: formRequests.sentAt,
  submissionId: formSubmissions.id,
  signedAt: formSubmissions.signedAt,
};

/** The clinic's requests with their form's title and signing state; callers narrow and order. */
export function requestListQuery(db: Db, clinicId: string) {
  return db
    .select(requestColumns)
    .from(formRequests)
    .innerJoin(
      formTemplates,
      and(eq(formTemplates.clinicId, formRequests.clinicId), eq(formTemplates.id, formRequests.templateId)),
    )
    .leftJoin(
      formSubmissions,
      and(eq(formSubmissions.clinicId, formRequests.clinicId), eq(formSubmissions.requestId, formRequests.id)),
    )
    .where(eq(formRequests.clinicId, clinicId))
    .$dynamic();
}

type RequestRow = { [K in keyof typeof requestColumns]: unknown };
export const toRequestDto = (r: RequestRow): FormRequestDto => ({
  id: r.id as string,
  clientId: r.clientId as string,
  templateId: r.templateId as string,
  title: r.title as string,
  version: r.version as number,
  status: r.status as FormRequestDto["status"],
  sentAt: (r.sentAt as Date).toISOString(),
  submissionId: (r.submissionId as string | null) ?? null,
  signedAt: r.signedAt ? (r.signedAt as Date).toISOString() : null,
});
