import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, notFound } from "@/lib/errors";
import type { MessagePreferencesBody, MessagePreferencesDto } from "../preference-schemas";
import { smsNumber } from "@/lib/delivery/rules/phone";
import { smsEnabled } from "@/lib/delivery/sms/enabled";

type Source = "staff" | "portal";

/** The client's channel, consent and contact details (NOT_FOUND outside the actor's scope). */
export async function readPreferences(db: Db, actor: Actor, clientId: string) {
  const [row] = await db
    .select({
      channel: clients.messageChannel,
      smsConsent: clients.smsConsent,
      smsConsentAt: clients.smsConsentAt,
      smsConsentSource: clients.smsConsentSource,
      phone: clients.phone,
      email: clients.email,
    })
    .from(clients)
    .where(and(clientScope(actor), eq(clients.id, clientId)));
  if (!row) throw notFound("That client");
  return row;
}

/** What the client page and the portal's account page show. */
export function toPreferencesDto(
  actor: Actor,
  row: Awaited<ReturnType<typeof readPreferences>>,
): MessagePreferencesDto {
  return {
    channel: row.channel,
    smsConsent: row.smsConsent,
    smsConsentAt: row.smsConsentAt?.toISOString() ?? null,
    smsConsentSource: row.smsConsentSource ?? null,
    phone: row.phone,
    smsNumber: smsNumber(row.phone, actor.clinicLocale),
    hasEmail: Boolean(row.email?.trim()),
    smsAvailable: smsEnabled(),
  };
}

/**
 * Records a client's channel and SMS consent. Consent is stamped with the time and the source
 * (staff at the desk, or the client in the portal) only when it changes, and each change is an
 * audit event (the history of consent). Text messages need consent and a number that can take
 * them: a 400 names the field otherwise, and nothing is written.
 */
export async function savePreferences(
  db: Db,
  actor: Actor,
  clientId: string,
  body: MessagePreferencesBody,
  source: Source,
): Promise<MessagePreferencesDto> {
  return db.transaction(async (tx) => {
    const before = await readPreferences(tx, actor, clientId);
    const wantsSms = body.channel === "sms" || body.channel === "both";
    if (wantsSms && !body.smsConsent)
      throw invalid("Text messages need the client's consent.", {
        smsConsent: ["Tick consent to text messages, or choose email."],
      });
    if (wantsSms && !smsNumber(before.phone, actor.clinicLocale))
      throw invalid("There is no mobile number that can receive texts.", {
        channel: [
          before.phone?.trim()
            ? `${before.phone} cannot receive text messages. Add a mobile number first.`
            : "Add a mobile number first.",
        ],
      });
    if (body.channel === "sms" && !smsEnabled())
      throw invalid("Text messages are not set up.", { channel: ["Text messages are not set up for this clinic."] });
    const consentChanged = body.smsConsent !== before.smsConsent;
    const now = new Date();
    await tx
      .update(clients)
      .set({
        messageChannel: body.channel,
        smsConsent: body.smsConsent,
        ...(consentChanged ? { smsConsentAt: now, smsConsentSource: source } : {}),
        updatedAt: now,
      })
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    if (consentChanged || body.channel !== before.channel)
      await recordEvent(tx, actor, {
        action: "client.message_preferences_changed",
        entityType: "client",
        entityId: clientId,
        details: {
          channel: body.channel,
          previousChannel: before.channel,
          ...(consentChanged ? { smsConsent: body.smsConsent, source } : {}),
        },
      });
    return toPreferencesDto(actor, await readPreferences(tx, actor, clientId));
  });
}
