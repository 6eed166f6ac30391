export type ErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "CONFLICT" | "RATE_LIMITED" | "TOO_LARGE";

export type FieldErrors = Record<string, string[]>;

/** The one error type the data-access layer throws; lib/http maps it to a status code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };
}

export const notFound = (what = "That record") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("FORBIDDEN", message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError("CONFLICT", message, undefined, details);
export const invalid = (message: string, fieldErrors?: FieldErrors) => new AppError("INVALID", message, fieldErrors);
