/** Shared by the browser forms and the server; kept free of server-only imports. */
export const PASSWORD_MIN_LENGTH = 12;
