/** Keys for forms sent to a client and the clinic's form templates. */
export const formKeys = {
  ofClient: (clientId: string) => ["forms", clientId] as const,
  templates: ["form-templates"] as const,
};
