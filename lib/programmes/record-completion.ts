import "server-only";
import { stopRulesFor } from "./programme-rules";
import { and, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { programmeCompletions, programmeItems, programmes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { requireClientId } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { clinicToday, loadProgrammes } from "./load";
import type { ClockOptions } from "./clock";
import type { completionBody, CompletionDto } from "./portal-schemas";
import { versionInForce } from "./versions";

/** Sessions of one exercise of one programme logged on a clinic-local day (any version's item). */
export async function sessionsOn(
  db: Db,
  actor: Actor,
  programmeId: string,
  exerciseKey: string,
  localDate: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(programmeCompletions)
    .where(
      and(
        clinicScope(actor, programmeCompletions),
        eq(programmeCompletions.programmeId, programmeId),
        eq(programmeCompletions.exerciseKey, exerciseKey),
        eq(programmeCompletions.localDate, localDate),
      ),
    );
  return row?.n ?? 0;
}

type CompletionRow = typeof programmeCompletions.$inferSelect;

async function toDto(db: Db, actor: Actor, row: CompletionRow, stopRules: string[]): Promise<CompletionDto> {
  return {
    id: row.id,
    itemId: row.itemId,
    completedAt: row.completedAt.toISOString(),
    localDate: row.localDate,
    adverse: row.adverse,
    stopRules,
    doneToday: await sessionsOn(db, actor, row.programmeId, row.exerciseKey, row.localDate),
  };
}

/**
 * The client ticks off one session of an item of their own programme in force today. Another
 * client's item is NOT_FOUND; an item of an older version (the programme changed since the page
 * loaded) is a CONFLICT. A retry with the same idempotency key returns the first tick-off.
 */
export async function recordCompletion(
  db: Db,
  actor: Actor,
  input: z.output<typeof completionBody>,
  opts: ClockOptions = {},
): Promise<CompletionDto> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const now = opts.now ?? new Date();
  const today = clinicToday(actor, now);
  const [item] = await db
    .select({
      id: programmeItems.id,
      programmeId: programmeItems.programmeId,
      version: programmeItems.version,
      exerciseKey: programmeItems.exerciseKey,
      snapshot: programmeItems.snapshot,
    })
    .from(programmeItems)
    .innerJoin(
      programmes,
      and(eq(programmes.clinicId, programmeItems.clinicId), eq(programmes.id, programmeItems.programmeId)),
    )
    .where(
      and(clinicScope(actor, programmeItems), eq(programmeItems.id, input.itemId), eq(programmes.clientId, clientId)),
    );
  if (!item) throw notFound("That exercise");
  // Current plain wording of the general rules, as the portal shows them (see portal.ts).
  const stopRules = stopRulesFor(item.snapshot);

  if (input.idempotencyKey) {
    const previous = await findByKey(db, actor, input.idempotencyKey);
    if (previous) return replay(db, actor, previous, clientId, stopRules, input);
  }
  const [programme] = await loadProgrammes(db, actor, { programmeId: item.programmeId });
  const inForce = programme ? versionInForce(programme.versions, today) : undefined;
  if (!inForce) throw conflict("This programme is not running today, so there is nothing to tick off.");
  if (inForce.version !== item.version)
    throw conflict("Your programme was updated since this page opened. Reload to see today's exercises.");

  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(programmeCompletions)
      .values({
        clinicId: actor.clinicId,
        clientId,
        programmeId: item.programmeId,
        itemId: item.id,
        exerciseKey: item.exerciseKey,
        completedAt: now,
        localDate: today,
        painBefore: input.painBefore ?? null,
        painAfter: input.painAfter ?? null,
        note: input.note,
        adverse: input.adverse,
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) return null;
    // Identifiers only: the note and scores are clinical and stay out of the audit log.
    await recordEvent(tx, actor, {
      action: input.adverse ? "programme.adverse_reported" : "programme.completed",
      entityType: "programme_completion",
      entityId: inserted.id,
      details: { programmeId: item.programmeId, itemId: item.id },
    });
    return inserted;
  });
  if (row) return toDto(db, actor, row, stopRules);
  // Lost a race with the same key: the other request stored it.
  const previous = input.idempotencyKey ? await findByKey(db, actor, input.idempotencyKey) : undefined;
  if (!previous) throw conflict("This tick-off could not be saved. Please try again.");
  return replay(db, actor, previous, clientId, stopRules, input);
}

async function findByKey(db: Db, actor: Actor, key: string) {
  const [row] = await db
    .select()
    .from(programmeCompletions)
    .where(and(clinicScope(actor, programmeCompletions), eq(programmeCompletions.idempotencyKey, key)));
  return row;
}

async function replay(
  db: Db,
  actor: Actor,
  row: CompletionRow,
  clientId: string,
  stopRules: string[],
  input: z.output<typeof completionBody>,
) {
  // A key is only ever the same client's retry; anything else is a client bug, not a replay.
  if (row.clientId !== clientId) throw conflict("That idempotency key was already used.");
  // A retry must say the same thing: answering a changed request (say, the numbness box ticked
  // after a lost reply) with the first tick-off would silently drop the report.
  const same =
    row.itemId === input.itemId &&
    row.adverse === input.adverse &&
    row.note === input.note &&
    row.painBefore === (input.painBefore ?? null) &&
    row.painAfter === (input.painAfter ?? null);
  if (!same)
    throw conflict("This tick-off was already saved with different answers. Reload and save the new answers again.", {
      reason: "idempotency_mismatch",
    });
  return toDto(db, actor, row, stopRules);
}
