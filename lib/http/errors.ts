import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** How HTTP answers each domain error (lib/errors). */
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
