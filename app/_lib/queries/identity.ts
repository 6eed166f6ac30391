/** Keys for sign-in security and the clinic's people (two-factor, devices, staff, invitations). */
export const identityKeys = {
  twoFactor: ["two-factor"] as const,
  sessions: ["me", "sessions"] as const,
  staff: ["staff"] as const,
  invitations: ["invitations"] as const,
};
