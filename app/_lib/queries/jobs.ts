/** Keys for the admin's view of the background queue. */
export const jobKeys = {
  failed: ["jobs", "failed"] as const,
};
