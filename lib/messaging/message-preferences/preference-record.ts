import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { requireClientId } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, notFound } from "@/lib/errors";
import type { MessagePreferencesBody, MessagePreferencesDto } from "./preference-schemas";
import { smsNumber } from "@/lib/delivery/rules/phone";
import { smsEnabled } from "@/lib/delivery/sms/enabled";

type Source = "staff" | "portal";

async function readRow(db: Db, actor: Actor, clientId: string) {
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

function toDto(actor: Actor, row: Awaited<ReturnType<typeof readRow>>): MessagePreferencesDto {
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

/** A client's message preferences and SMS consent, for staff who read the client (client page). */
export async function getClientMessagePreferences(db: Db, actor: Actor, clientId: string) {
  assertCan(actor, "clients.read");
  return toDto(actor, await readRow(db, actor, clientId));
}

/** The signed-in client's own preferences (portal account page). */
export async function getMyMessagePreferences(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  return toDto(actor, await readRow(db, actor, requireClientId(actor)));
}

/**
 * Records a client's channel and SMS consent. Consent is stamped with the time and the source
 * (staff at the desk, or the client in the portal) only when it changes, and each change is an
 * audit event (the history of consent). Text messages need consent and a number that can take
 * them: a 400 names the field otherwise, and nothing is written.
 */
async function save(
  db: Db,
  actor: Actor,
  clientId: string,
  body: MessagePreferencesBody,
  source: Source,
): Promise<MessagePreferencesDto> {
  return db.transaction(async (tx) => {
    const before = await readRow(tx, actor, clientId);
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
    return toDto(actor, await readRow(tx, actor, clientId));
  });
}

/** Staff record the client's choice (clients.write), e.g. consent given at the desk. */
export async function setClientMessagePreferences(
  db: Db,
  actor: Actor,
  clientId: string,
  body: MessagePreferencesBody,
) {
  assertCan(actor, "clients.write");
  return save(db, actor, clientId, body, "staff");
}

/** The client records their own choice in the portal. */
export async function setMyMessagePreferences(db: Db, actor: Actor, body: MessagePreferencesBody) {
  assertCan(actor, "portal.self");
  return save(db, actor, requireClientId(actor), body, "portal");
}
