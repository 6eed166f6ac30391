import type { Metadata } from "next";
import { ClinicFormatProvider } from "@/app/_components/clinic-format";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getTwoFactorStatus } from "@/lib/identity/two-factor/enrolment";
import { AuthFrame } from "@/app/_components/auth/auth-frame";
import { SignOutButton } from "@/app/_components/auth/sign-out-button";
import { RequiredSetup } from "./required-setup";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/**
 * Where a clinic that requires two-factor sends staff who have not enrolled. It stands outside
 * the staff shell: until they enrol, nothing else of the clinic is theirs to open.
 */
export default async function TwoFactorSetupPage() {
  const actor = await requireActor({ twoFactorSetup: true });
  const status = await getTwoFactorStatus(await getDb(), actor.userId, actor);
  return (
    <AuthFrame
      title="Set up two-factor sign-in"
      subtitle={
        actor.twoFactorSetupRequired
          ? `${actor.clinicName} requires two-factor sign-in for all staff. Set it up to continue — it takes a minute.`
          : "Add a second step to your sign-in."
      }
    >
      <ClinicFormatProvider settings={{ locale: actor.clinicLocale, timeZone: actor.clinicTimezone }}>
        <RequiredSetup initial={status} />
      </ClinicFormatProvider>
      <div className="mt-6 border-t border-line pt-4">
        <SignOutButton />
      </div>
    </AuthFrame>
  );
}
