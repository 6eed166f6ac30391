import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents, clinicExercises, clinics, users } from "../schema";

/** Two of Demo Clinic's own exercises, in the library's dosage shape, to show beside the seeded library. */
const EXERCISES: Omit<typeof clinicExercises.$inferInsert, "clinicId" | "createdBy">[] = [
  {
    name: "Calf roll on a foam roller, one leg crossed",
    tool: "foam_roller",
    targetMuscles: ["gastrocnemius", "soleus"],
    instructions: [
      "Sit on the floor with the roller under one calf.",
      "Cross the other leg over it for more pressure, or keep it on the floor for less.",
      "Lift your hips and roll slowly from just above the ankle to just below the knee.",
      "Pause for a few breaths on any tender spot, then keep rolling.",
    ].join("\n"),
    dosage: {
      duration_seconds: 60,
      duration_seconds_range: [30, 120],
      sets: 2,
      times_per_day: 1,
      frequency_per_week: 5,
    },
    cautions: [
      "Keep the roller off the back of the knee.",
      "Stop and tell your therapist if you feel numbness, tingling or shooting pain.",
    ],
  },
  {
    name: "Forearm flexor press with the thumb",
    tool: "hands",
    targetMuscles: ["forearm_flexors"],
    instructions: [
      "Rest your forearm palm up on a table.",
      "With the other thumb, find a tender spot in the fleshy part just below the elbow crease.",
      "Press gently and hold while you slowly open and close the hand.",
    ].join("\n"),
    dosage: { hold_seconds: 45, hold_seconds_range: [30, 90], sets: 2, times_per_day: 2, frequency_per_week: 7 },
    cautions: ["Keep off the inside of the elbow, where the nerve runs close to the skin."],
  },
];

/** Runs inside seedDemo's transaction; like the other seed files it writes rows directly. */
export async function seedDemoExercises(tx: Db): Promise<void> {
  const [clinic] = await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, "demo-clinic"));
  const [therapist] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "therapist@demo.test"));
  if (!clinic || !therapist) throw new Error("Demo exercises: seed the demo clinic and therapist first");
  for (const e of EXERCISES) {
    const [row] = await tx
      .insert(clinicExercises)
      .values({ clinicId: clinic.id, createdBy: therapist.id, ...e })
      .returning({ id: clinicExercises.id });
    await tx.insert(auditEvents).values({
      clinicId: clinic.id,
      action: "exercise.created",
      entityType: "clinic_exercise",
      entityId: row!.id,
      details: { source: "demo-seed" },
    });
  }
}
