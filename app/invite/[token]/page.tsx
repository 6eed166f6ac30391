import type { Metadata } from "next";
import Link from "next/link";
import { getPlatformDb } from "@/lib/server-db";
import { previewInvitation } from "@/lib/identity/invitations/accept-invitation";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

const ROLE_TEXT = { admin: "as an admin", therapist: "as a therapist", client: "to use the client portal" } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewInvitation(await getPlatformDb(), token);
  if (!preview) {
    return (
      <AuthFrame title="This link no longer works">
        <p className="text-sm text-muted">
          The invitation has expired, was revoked, or was already used. Ask the clinic to send a new one. If you already
          set a password,{" "}
          <Link href="/signin" className="text-accent-700 underline">
            sign in
          </Link>
          .
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      title={`Join ${preview.clinicName}`}
      subtitle={
        <>
          You have been invited {ROLE_TEXT[preview.role]}, as <strong>{preview.email}</strong>.
        </>
      }
    >
      <AcceptForm token={token} email={preview.email} hasAccount={preview.hasAccount} />
    </AuthFrame>
  );
}
