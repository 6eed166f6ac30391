import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formRequests, formSubmissions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { currentRequestMeta } from "@/lib/audit/request-meta";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { putFile, sha256Hex, storage, type ObjectStore, type StoredFile } from "@/lib/storage";
import { canonicalJson, validateAnswers } from "./rules/answers";
import { loadRequest } from "./form-requests/load-request";
import { proposeWriteBacks } from "./write-back";
import { enqueue } from "@/lib/jobs/enqueue";
import { renderFormPdfJob } from "./pdf-job";
import type { SubmitFormBody } from "./schemas";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface SigningContext {
  /** Whose form: the portal client's own, or the one a kiosk code opened. */
  clinicId: string;
  clientId: string;
  requestId: string;
  source: "portal" | "kiosk";
  /** The client's login (portal) or the staff member who opened the kiosk. */
  actor: { clinicId: string; userId: string | null };
  userAgent: string | null;
}

/**
 * Signs a form: answers checked against the version the client saw, the signature stored
 * with time, address, user agent and the SHA-256 of the signed content (form version text,
 * answers, signer, time), the request closed, and the answers that would change the record
 * turned into proposals for the therapist. One transaction; a second submission is a 409.
 */
export async function signForm(
  db: Db,
  ctx: SigningContext,
  input: SubmitFormBody,
  store: ObjectStore = storage(),
): Promise<{ submissionId: string }> {
  const request = await loadRequest(db, ctx.clinicId, ctx.requestId, ctx.clientId);
  if (request.status !== "pending") throw alreadyDone(request.status);
  const { answers, errors } = validateAnswers(request.definition, input.answers);
  if (Object.keys(errors).length)
    throw invalid(
      "Some answers need attention.",
      Object.fromEntries(Object.entries(errors).map(([k, v]) => [`answers.${k}`, [v]])),
    );
  const id = randomUUID();
  let image: StoredFile | null = null;
  if (input.signature.method === "drawn") {
    const png = Buffer.from(input.signature.pngBase64, "base64");
    if (!PNG.every((b, i) => png[i] === b))
      throw invalid("The signature could not be read. Draw it again.", {
        "signature.pngBase64": ["Draw your signature again."],
      });
    image = await putFile(
      store,
      `clinics/${ctx.clinicId}/clients/${ctx.clientId}/forms/${id}/signature.png`,
      png,
      "image/png",
    );
  }
  const meta = await currentRequestMeta();
  const signedAt = new Date();
  const signature = { method: input.signature.method, name: input.signature.name, imageSha256: image?.sha256 ?? null };
  const contentSha256 = sha256Hex(
    Buffer.from(
      canonicalJson({
        form: { templateId: request.templateId, version: request.version, definition: request.definition },
        answers,
        signature,
        signedAt: signedAt.toISOString(),
      }),
    ),
  );
  try {
    await db.transaction(async (tx) => {
      const locked = await loadRequest(tx, ctx.clinicId, ctx.requestId, ctx.clientId, true);
      if (locked.status !== "pending") throw alreadyDone(locked.status);
      await tx.insert(formSubmissions).values({
        clinicId: ctx.clinicId,
        id,
        requestId: ctx.requestId,
        clientId: ctx.clientId,
        templateId: request.templateId,
        version: request.version,
        answers,
        signatureMethod: input.signature.method,
        signatureName: input.signature.name,
        signatureImageKey: image?.key ?? null,
        signatureImageSha256: image?.sha256 ?? null,
        signedAt,
        ip: meta?.ip ?? null,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
        source: ctx.source,
        submittedBy: ctx.actor.userId,
        contentSha256,
      });
      await tx
        .update(formRequests)
        .set({ status: "signed", kioskTokenHash: null, kioskExpiresAt: null })
        .where(and(eq(formRequests.clinicId, ctx.clinicId), eq(formRequests.id, ctx.requestId)));
      await proposeWriteBacks(tx, ctx.clinicId, ctx.clientId, id, request.definition, answers);
      // The PDF is rendered by the worker, never inside this request's transaction.
      await enqueue(tx, renderFormPdfJob, { clinicId: ctx.clinicId, submissionId: id }, { clinicId: ctx.clinicId });
      await recordEvent(tx, ctx.actor, {
        action: "form.signed",
        entityType: "form_submission",
        entityId: id,
        clientId: ctx.clientId,
        details: {
          requestId: ctx.requestId,
          version: request.version,
          method: input.signature.method,
          source: ctx.source,
        },
      });
    });
  } catch (err) {
    if (image) await store.delete(image.key).catch(() => undefined);
    throw err;
  }
  return { submissionId: id };
}

function alreadyDone(status: string): AppError {
  return status === "signed" ? conflict("This form has already been signed. Thank you.") : notFound("That form");
}

/** The portal: the signed-in client signs a form sent to them. */
export async function submitMyForm(
  db: Db,
  actor: Actor,
  requestId: string,
  input: SubmitFormBody,
  userAgent: string | null,
) {
  assertCan(actor, "portal.self");
  if (!actor.clientId) throw notFound("That form");
  return signForm(
    db,
    { clinicId: actor.clinicId, clientId: actor.clientId, requestId, source: "portal", actor, userAgent },
    input,
  );
}
