import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb } from "@/lib/testing/db";
import { createProgramme } from "./programmes/create-programme";
import { createProgrammeBody, type ProgrammeItemInput } from "./schemas";

// What the programme tests share: a fixed clock, a dosage and an item to prescribe, and the demo people.

export const now = new Date("2026-03-04T12:00:00Z"); // a Wednesday; Demo Clinic is in Europe/London
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
export const hold = (over: Record<string, unknown> = {}) => ({
  tool: "massage_ball",
  technique: "sustained_pressure",
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: EVERY_DAY,
  ...over,
});
export const item = (exerciseKey: string, over: Partial<ProgrammeItemInput> = {}): ProgrammeItemInput => ({
  exerciseKey,
  dosage: hold() as ProgrammeItemInput["dosage"],
  ...over,
});
/** The error a promise fails with; a success fails the test. */
export const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

/** A fresh database with the demo people the programme tests prescribe for and as. */
export async function openProgrammeDb() {
  const t = await freshDb();
  const db = t.db;
  return {
    t,
    therapist: await actorFor(db, "therapist@demo.test"),
    otherTherapist: await actorFor(db, "therapist@other.test", "other-clinic"),
    portalClient: await actorFor(db, "client@demo.test"),
    tom: await clientIdByName(db, "Tom", "Okafor"),
    maria: await clientIdByName(db, "Maria", "Lopez"),
    casey: await clientIdByName(db, "Casey", "Client"),
    /** Prescribes with title "Neck" unless the body says otherwise, at the fixed clock. */
    create: (actor: Actor, clientId: string, body: Record<string, unknown>) =>
      createProgramme(db, actor, clientId, createProgrammeBody.parse({ title: "Neck", ...body }), {
        now,
      }),
  };
}
