/** Who a request comes from, as the session cookie says (lib/identity/session.ts). */
export interface SessionInfo {
  userId: string;
  /** The server-side session row (lib/identity/sessions.ts); absent only in tests that build a session by hand. */
  sessionId?: string;
  /** The clinic chosen in this browser, if any. */
  clinicId: string | null;
}
