/** The exercises API operations (each a defineOperation; collected by lib/api/registry.ts). */
import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  createExerciseBody,
  exerciseDto,
  exerciseParams,
  imageDto,
  listExercisesQuery,
  MAX_IMAGE_BYTES,
  putImageBody,
  updateExerciseBody,
} from "@/lib/programmes/exercises/schemas";

export const listExercises = defineOperation({
  id: "listExercises",
  method: "GET",
  path: "/api/exercises",
  tag: "Exercises",
  summary: "The SMR exercise library and the clinic's own exercises, filtered by words, tool, muscle or body region",
  auth: { permission: "muscles.read" },
  query: listExercisesQuery,
  response: z.array(exerciseDto),
});

const example = {
  name: "Calf roll on a foam roller, knees bent",
  tool: "foam_roller" as const,
  targetMuscles: ["gastrocnemius", "soleus"],
  instructions:
    "Sit with the roller under one calf.\nLift your hips and roll slowly from ankle to knee.\nPause on tender spots for a few breaths.",
  dosage: {
    duration_seconds: 60,
    duration_seconds_range: [30, 120] as [number, number],
    sets: 2,
    times_per_day: 1,
    frequency_per_week: 5,
  },
  cautions: ["Keep off the back of the knee.", "Stop if you feel numbness or tingling."],
};

export const createExercise = defineOperation({
  id: "createExercise",
  method: "POST",
  path: "/api/exercises",
  tag: "Exercises",
  summary: "Add an exercise to the clinic's own library (the seeded library is never changed)",
  auth: { permission: "exercises.write" },
  body: createExerciseBody,
  successStatus: 201,
  response: exerciseDto,
  exampleBody: example,
});

export const getExercise = defineOperation({
  id: "getExercise",
  method: "GET",
  path: "/api/exercises/{exerciseId}",
  tag: "Exercises",
  summary: "One of the clinic's own exercises, archived or not",
  auth: { permission: "muscles.read" },
  params: exerciseParams,
  response: exerciseDto,
});

export const updateExercise = defineOperation({
  id: "updateExercise",
  method: "PATCH",
  path: "/api/exercises/{exerciseId}",
  tag: "Exercises",
  summary: "Edit a clinic exercise (409 with the current exercise when someone saved first)",
  auth: { permission: "exercises.write" },
  params: exerciseParams,
  body: updateExerciseBody,
  response: exerciseDto,
  exampleBody: { name: "Calf roll, knees bent (slow)", version: 1 },
});

export const archiveExercise = defineOperation({
  id: "archiveExercise",
  method: "POST",
  path: "/api/exercises/{exerciseId}/archive",
  tag: "Exercises",
  summary: "Archive a clinic exercise: hidden from the library and the programme builder; programmes keep their copy",
  auth: { permission: "exercises.write" },
  params: exerciseParams,
  response: exerciseDto,
});

export const restoreExercise = defineOperation({
  id: "restoreExercise",
  method: "POST",
  path: "/api/exercises/{exerciseId}/restore",
  tag: "Exercises",
  summary: "Bring an archived clinic exercise back",
  auth: { permission: "exercises.write" },
  params: exerciseParams,
  response: exerciseDto,
});

// A 1×1 transparent PNG.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

export const putExerciseImage = defineOperation({
  id: "putExerciseImage",
  method: "PUT",
  path: "/api/exercises/{exerciseId}/image",
  tag: "Exercises",
  summary: "Set or replace the exercise's picture (PNG, JPEG or WebP, at most 2 MB, sent as base64 JSON)",
  auth: { permission: "exercises.write" },
  params: exerciseParams,
  body: putImageBody,
  // The picture's own limit, as base64 (4 bytes per 3) with room for the JSON around it.
  maxBodyBytes: Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4096,
  response: imageDto,
  exampleBody: { contentType: "image/png", dataBase64: TINY_PNG },
});

export const deleteExerciseImage = defineOperation({
  id: "deleteExerciseImage",
  method: "DELETE",
  path: "/api/exercises/{exerciseId}/image",
  tag: "Exercises",
  summary: "Remove the exercise's picture",
  auth: { permission: "exercises.write" },
  params: exerciseParams,
  successStatus: 204,
});

/*
 * Signed-in only at the door: the picture is for staff who read the library and for the
 * clinic's clients (the portal shows it). lib/programmes/exercises/exercise-images.ts decides, scoped to the clinic.
 */
export const getExerciseImage = defineOperation({
  id: "getExerciseImage",
  method: "GET",
  path: "/api/exercises/{exerciseId}/image",
  tag: "Exercises",
  summary: "The exercise's picture (staff of the clinic, and its clients in the portal)",
  auth: { user: true },
  params: exerciseParams,
  produces: "image/*",
  response: z.string().meta({ format: "binary" }),
});
