import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, formRequests } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { hashToken, newToken } from "@/lib/identity/tokens";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict } from "@/lib/errors";
import { loadRequest, toFillDto } from "./form-requests/load-request";
import { signForm } from "./submit-form";
import type { FillFormDto, SubmitFormBody } from "./schemas";
import type { ClinicFormatSettings } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";

const KIOSK_MINUTES = 60;

/**
 * Opens a pending form on the clinic's tablet: a one-time code (only its hash is kept) that
 * shows that one form and nothing else, for an hour, without anyone signed in. Signing it
 * clears the code, so the tablet locks; opening it again replaces the code.
 */
export async function openKiosk(db: Db, actor: Actor, clientId: string, requestId: string) {
  assertCan(actor, "clinical.write");
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + KIOSK_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    const request = await loadRequest(tx, actor.clinicId, requestId, clientId, true);
    if (request.status !== "pending") throw conflict("This form is already signed; there is nothing to fill in.");
    await tx
      .update(formRequests)
      .set({ kioskTokenHash: tokenHash, kioskExpiresAt: expiresAt })
      .where(and(clinicScope(actor, formRequests), eq(formRequests.id, requestId)));
    await recordEvent(tx, actor, {
      action: "form.kiosk_opened",
      entityType: "form_request",
      entityId: requestId,
      clientId,
    });
  });
  return { path: `/kiosk/${token}`, expiresAt: expiresAt.toISOString() };
}

async function requestForToken(db: Db, token: string) {
  const [row] = await db
    .select({
      clinicId: formRequests.clinicId,
      id: formRequests.id,
      clientId: formRequests.clientId,
      sentBy: formRequests.sentBy,
    })
    .from(formRequests)
    .where(and(eq(formRequests.kioskTokenHash, hashToken(token)), gt(formRequests.kioskExpiresAt, new Date())));
  // Unknown, used or expired codes look the same.
  if (!row) throw new AppError("NOT_FOUND", "This form is no longer open on this tablet. Please ask at the desk.");
  return row;
}

/** The one form a kiosk code opens, in the version that was sent. */
export async function getKioskForm(db: Db, token: string): Promise<FillFormDto> {
  const r = await requestForToken(db, token);
  return toFillDto(await loadRequest(db, r.clinicId, r.id, r.clientId));
}

/** The clinic's locale and zone for the kiosk page (its date boxes follow the clinic, not the tablet). */
export async function getKioskClinicFormat(db: Db, token: string): Promise<ClinicFormatSettings> {
  const r = await requestForToken(db, token);
  const [c] = await db
    .select({ locale: clinics.locale, timeZone: clinics.timezone })
    .from(clinics)
    .where(eq(clinics.id, r.clinicId));
  if (!c) throw new AppError("NOT_FOUND", "This form is no longer open on this tablet. Please ask at the desk.");
  return { locale: c.locale as ClinicLocale, timeZone: c.timeZone };
}

/** Signs the kiosk's form; the code stops working at once. */
export async function submitKioskForm(db: Db, token: string, input: SubmitFormBody, userAgent: string | null) {
  const r = await requestForToken(db, token);
  return signForm(
    db,
    {
      clinicId: r.clinicId,
      clientId: r.clientId,
      requestId: r.id,
      source: "kiosk",
      actor: { clinicId: r.clinicId, userId: null },
      userAgent,
    },
    input,
  );
}
