import type { Metadata } from "next";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string }>;
}) {
  const { callbackUrl, reset } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <AuthFrame title="Sign in" subtitle="Therapists, clinic staff and clients all sign in here.">
      <SignInForm next={next} resetDone={reset === "done"} />
    </AuthFrame>
  );
}
