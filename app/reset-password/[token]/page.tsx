import type { Metadata } from "next";
import Link from "next/link";
import { getPlatformDb } from "@/lib/server-db";
import { isResetTokenUsable } from "@/lib/identity/password-reset";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { CompleteResetForm } from "./complete-reset-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function CompleteResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isResetTokenUsable(await getPlatformDb(), token))) {
    return (
      <AuthFrame title="This link no longer works">
        <p className="text-sm text-muted">
          Reset links work once and expire after an hour.{" "}
          <Link href="/reset-password" className="text-accent-700 underline">
            Ask for a new one
          </Link>
          .
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Choose a new password">
      <CompleteResetForm token={token} />
    </AuthFrame>
  );
}
