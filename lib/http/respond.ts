import { z } from "zod";
import { AppError, sqlState, type FieldErrors } from "@/lib/errors";
import { STATUS_BY_CODE, type ErrorBody } from "./errors";

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(
  code: AppError["code"],
  message: string,
  fieldErrors?: FieldErrors,
  details?: Record<string, unknown>,
) {
  const body: ErrorBody = {
    error: { code, message, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) },
  };
  return json(body, STATUS_BY_CODE[code]);
}

/** zod issues → { "field.path": ["message"] }, the shape forms show beside their fields. */
export function zodFieldErrors(error: z.ZodError, prefix?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// SQLSTATEs the database raises when one of its own guards refuses a write.
const CONSTRAINT_MESSAGES: Record<string, string> = {
  "23505": "That would duplicate an existing record.",
  "23503": "That refers to a record that does not exist in this clinic.",
  "23P01": "That overlaps with an existing booking.",
  "23514": "A value is outside its allowed range.",
  "40001": "Someone else changed this at the same moment. Please try again.",
  "55000": "That record is locked and cannot be changed.",
  // Backstops behind the schemas' bounds: a number or date the column cannot hold is bad input.
  "22003": "A number is outside the range that can be stored.",
  "22008": "A date or time is outside the range that can be stored.",
};

/** Maps any thrown value to the one error shape. Never echoes clinical data or SQL. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return errorResponse(err.code, err.message, err.fieldErrors, err.details);
  if (err instanceof z.ZodError) return errorResponse("INVALID", "Some fields need attention.", zodFieldErrors(err));
  const state = sqlState(err);
  if (state && CONSTRAINT_MESSAGES[state]) {
    return errorResponse(
      state.startsWith("22") || state === "23514" ? "INVALID" : "CONFLICT",
      CONSTRAINT_MESSAGES[state],
    );
  }
  // Log the error class and SQLSTATE only: messages can carry row values.
  console.error(
    `[knotwork] unhandled ${err instanceof Error ? err.name : typeof err}${state ? ` sqlstate=${state}` : ""}`,
  );
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, 500);
}
