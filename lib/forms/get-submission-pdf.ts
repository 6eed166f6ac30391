import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { AppError } from "@/lib/errors";
import { readFile, storage, type ObjectStore } from "@/lib/storage";
import type { FormDefinition } from "./definition";
import { submissionRow } from "./submission-row";

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
