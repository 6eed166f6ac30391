import type { Metadata } from "next";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { RequestResetForm } from "./request-reset-form";

export const metadata: Metadata = { title: "Reset password" };

export default function ResetPasswordPage() {
  return (
    <AuthFrame title="Reset your password" subtitle="We will email you a link to choose a new password.">
      <RequestResetForm />
    </AuthFrame>
  );
}
