import { route } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import * as ops from "@/lib/programmes/operations-exercises";
import { deleteExerciseImage } from "@/lib/programmes/exercises/exercise-images/delete-exercise-image";
import { getExerciseImage } from "@/lib/programmes/exercises/exercise-images/get-exercise-image";
import { putExerciseImage } from "@/lib/programmes/exercises/exercise-images/put-exercise-image";

export const GET = route(ops.getExerciseImage, async ({ db, actor, input, req }) => {
  if (!actor) throw new AppError("FORBIDDEN", "Choose a clinic you belong to first.");
  const image = await getExerciseImage(db, actor, input.params.exerciseId);
  const etag = `"${image.uploadedAt.getTime()}"`;
  const headers = {
    "content-type": image.contentType,
    // Behind sign-in: never in a shared cache. The browser revalidates each time (a replaced
    // picture shows at once, also where the URL carries no ?v=) and gets a 304 when unchanged.
    "cache-control": "private, no-cache",
    etag,
    "x-content-type-options": "nosniff",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.data), {
    headers: { ...headers, "content-length": String(image.data.byteLength) },
  });
});

export const PUT = route(ops.putExerciseImage, ({ db, actor, input }) =>
  putExerciseImage(db, actor, input.params.exerciseId, input.body),
);

export const DELETE = route(ops.deleteExerciseImage, ({ db, actor, input }) =>
  deleteExerciseImage(db, actor, input.params.exerciseId),
);
