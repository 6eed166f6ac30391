import type { signIn as nextAuthSignIn, signOut as nextAuthSignOut } from "next-auth/react";

// next-auth's browser client is ~13 KB gzip, and a page needs it only at the moment someone
// signs in or out: it loads then, not with every page (issue #16, page weight).

/** next-auth's signIn, loaded when called. */
export async function signIn(...args: Parameters<typeof nextAuthSignIn>) {
  return (await import("next-auth/react")).signIn(...args);
}

/** next-auth's signOut, loaded when called. */
export async function signOut(...args: Parameters<typeof nextAuthSignOut>) {
  return (await import("next-auth/react")).signOut(...args);
}
