import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listMyClinics } from "@/lib/identity/my-clinics";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { ClinicChooser } from "./clinic-chooser";
import { SignOutButton } from "@/app/_components/auth/sign-out-button";

export const metadata: Metadata = { title: "Choose a clinic" };

export default async function SelectClinicPage() {
  const clinics = await listMyClinics();
  if (!clinics) redirect("/signin");
  return (
    <AuthFrame
      title="Choose a clinic"
      subtitle="Your login works in every clinic you belong to. You can switch at any time."
    >
      {clinics.length === 0 ? (
        <div className="space-y-4 text-sm text-muted">
          <p>Your login is not part of any clinic right now. Ask your clinic for a new invitation.</p>
          <SignOutButton />
        </div>
      ) : (
        <ClinicChooser clinics={clinics} />
      )}
    </AuthFrame>
  );
}
