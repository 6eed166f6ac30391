import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import {
  auditEvents,
  clients,
  clinics,
  programmeCompletions,
  programmeItems,
  programmes,
  programmeVersions,
  triggerPoints,
  users,
} from "../schema";
import { addLocalDays, isoWeekdayOf, localDateOf, zonedInstant } from "@/lib/format/zoned";
import { defaultDosage } from "@/lib/programmes/dosage";
import { stopRulesFor } from "@/lib/programmes/programme-rules";
import { SMR_LIBRARY } from "@/lib/programmes/reference";

/** Casey's programme: one wall-ball exercise per muscle charted active at her visits (demo-history-data.ts). */
const ITEMS = [
  {
    exercise: "ball_upper_trap_wall",
    muscle: "upper_trapezius",
    side: "right",
    note: "Right side first; it is the busier one.",
  },
  { exercise: "ball_levator_wall", muscle: "levator_scapulae", side: "left", note: "" },
  {
    exercise: "ball_infraspinatus_wall",
    muscle: "infraspinatus",
    side: "right",
    note: "Stand a small step from the wall so you can control the pressure.",
  },
] as const;

const STARTED_DAYS_AGO = 13;

/**
 * A running self-care programme for the portal demo client (client@demo.test), started two weeks
 * ago, with tick-offs on most days so the portal, the client page and the adherence views have
 * something real to show. Dates move with "today" in the clinic's zone. Runs inside seedDemo.
 */
export async function seedDemoProgrammes(tx: Db): Promise<void> {
  const [clinic] = await tx
    .select({ id: clinics.id, timezone: clinics.timezone })
    .from(clinics)
    .where(eq(clinics.slug, "demo-clinic"));
  const [therapist] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "therapist@demo.test"));
  if (!clinic || !therapist) throw new Error("Demo programmes: seed the demo clinic and therapist first");
  const [casey] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, clinic.id), eq(clients.email, "client@demo.test")));
  if (!casey) throw new Error("Demo programmes: no demo client client@demo.test");
  const points = await tx
    .select({ id: triggerPoints.id, muscleId: triggerPoints.muscleId, side: triggerPoints.side })
    .from(triggerPoints)
    .where(and(eq(triggerPoints.clinicId, clinic.id), eq(triggerPoints.clientId, casey.id)));

  const tz = clinic.timezone;
  const today = localDateOf(new Date(), tz);
  const startDate = addLocalDays(today, -STARTED_DAYS_AGO);
  const createdAt = zonedInstant(startDate, "10:30", tz);
  const [programme] = await tx
    .insert(programmes)
    .values({
      clinicId: clinic.id,
      clientId: casey.id,
      title: "Neck and shoulder self-care",
      createdBy: therapist.id,
      createdAt,
    })
    .returning({ id: programmes.id });
  const programmeId = programme!.id;
  await tx.insert(programmeVersions).values({
    clinicId: clinic.id,
    programmeId,
    version: 1,
    startDate,
    createdBy: therapist.id,
    createdAt,
    notes: "Do these after work, before the evening slump. Gentle pressure: a 4 out of 10 is plenty.",
  });

  const items = [];
  for (const [position, spec] of ITEMS.entries()) {
    const exercise = SMR_LIBRARY.find((e) => e.id === spec.exercise);
    if (!exercise) throw new Error(`Demo programmes: no library exercise ${spec.exercise}`);
    const point = points.find((p) => p.muscleId === spec.muscle && p.side === spec.side);
    const [row] = await tx
      .insert(programmeItems)
      .values({
        clinicId: clinic.id,
        programmeId,
        version: 1,
        position,
        exerciseKey: exercise.id,
        snapshot: {
          name: exercise.name,
          tool: exercise.tool,
          targetMuscles: [...exercise.target_muscles],
          instructions: exercise.instructions,
          cautions: [...exercise.cautions],
          stopRules: stopRulesFor(exercise),
        },
        dosage: defaultDosage(exercise) as unknown as Record<string, unknown>,
        note: spec.note,
        triggerPointId: point?.id ?? null,
      })
      .returning({ id: programmeItems.id, exerciseKey: programmeItems.exerciseKey });
    items.push(row!);
  }
  await tx.insert(auditEvents).values({
    clinicId: clinic.id,
    actorUserId: therapist.id,
    action: "programme.created",
    entityType: "programme",
    entityId: programmeId,
    details: { source: "demo-seed", version: 1, items: items.length },
    at: createdAt,
  });

  // Most evenings done, a lighter weekend, nothing yet today: adherence in the 60–80% range.
  const completions = [];
  for (let daysAgo = STARTED_DAYS_AGO; daysAgo >= 1; daysAgo--) {
    const date = addLocalDays(today, -daysAgo);
    const weekend = isoWeekdayOf(date) >= 6;
    for (const [i, item] of items.entries()) {
      if ((daysAgo + i) % (weekend ? 2 : 4) === 0) continue;
      const completedAt = zonedInstant(date, `19:${String(10 + i * 7).padStart(2, "0")}`, tz);
      completions.push({
        clinicId: clinic.id,
        clientId: casey.id,
        programmeId,
        itemId: item.id,
        exerciseKey: item.exerciseKey,
        completedAt,
        localDate: date,
        painBefore: 5 - Math.min(2, Math.floor((STARTED_DAYS_AGO - daysAgo) / 5)),
        painAfter: 3,
      });
    }
  }
  if (completions.length) await tx.insert(programmeCompletions).values(completions);
}
