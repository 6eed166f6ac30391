import NextAuth from "next-auth";
import { authOptions } from "@/lib/identity/session";

// next-auth's own endpoints (sign-in, sign-out, CSRF, session); not part of our OpenAPI document.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
