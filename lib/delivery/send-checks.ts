import "server-only";
import type { Db } from "@/db/client";

/** Why a queued message must not go after all: a stored code (the outbox's lastError) and words for the job log. */
export interface NotWanted {
  code: string;
  why: string;
}

/**
 * Asked right before a message of one kind is sent: null to send it, else why not. An area whose
 * messages can go out of date while they wait (an appointment reminder after the appointment moved)
 * registers one for its kind, so delivery needs no knowledge of appointments or any other area.
 */
export type SendCheck = (db: Db, outboxId: string) => Promise<NotWanted | null>;

const checks = new Map<string, SendCheck>();

/**
 * Registers the check for a message kind, once, from the module that queues that kind: every process
 * that sends jobs loads it through lib/jobs/registry.ts (lib/jobs/registry.test.ts proves it for reminders).
 */
export function checkBeforeSending(kind: string, check: SendCheck): void {
  const known = checks.get(kind);
  if (known && known !== check) throw new Error(`Two send checks for message kind ${kind}`);
  checks.set(kind, check);
}

/** Whether a kind has a check (for the registry's test). */
export const hasSendCheck = (kind: string) => checks.has(kind);

/** The registered check's answer for this outbox row; a kind without a check is always wanted. */
export async function whyNotSend(db: Db, kind: string, outboxId: string): Promise<NotWanted | null> {
  const check = checks.get(kind);
  return check ? check(db, outboxId) : null;
}
