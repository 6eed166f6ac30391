import { createClinicExercise } from "@/lib/programmes/exercises/clinic-exercises/create-clinic-exercise";
import { putExerciseImage } from "@/lib/programmes/exercises/exercise-images/put-exercise-image";
import type { FixtureModule } from "./authz-fixture-module";
import { actorFor } from "./db";

// A 1×1 PNG: enough for the picture routes to have something to serve and replace.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/** Fixtures for the exercise library routes: a Demo Clinic exercise (version 1) with a picture. */
export const exercisesFixtures: FixtureModule = {
  buildParams: async (db) => {
    const therapist = await actorFor(db, "therapist@demo.test");
    const exercise = await createClinicExercise(db, therapist, {
      name: "Fixture ball press on the calf",
      tool: "massage_ball",
      targetMuscles: ["gastrocnemius"],
      instructions: "Sit on the floor with the ball under the calf.\nPress down gently and hold on a tender spot.",
      dosage: { hold_seconds: 60, hold_seconds_range: [30, 90], sets: 2, frequency_per_week: 5 },
      cautions: ["Keep off the back of the knee."],
    });
    await putExerciseImage(db, therapist, exercise.clinicExerciseId!, {
      contentType: "image/png",
      dataBase64: TINY_PNG,
    });
    return { exerciseId: exercise.clinicExerciseId! };
  },
};
