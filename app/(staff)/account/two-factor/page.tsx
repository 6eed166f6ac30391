import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getTwoFactorStatus } from "@/lib/identity/two-factor/enrolment";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { TwoFactorPanel } from "@/app/_components/two-factor/two-factor-panel";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function StaffTwoFactorPage() {
  const actor = await requireActor();
  const status = await getTwoFactorStatus(await getDb(), actor.userId, actor);
  return (
    <>
      <PageHeader
        title="Two-factor sign-in"
        description="A code from your phone after your password. It applies to your login in every clinic."
      />
      <div className="max-w-2xl">
        <Card title="Authenticator app">
          <TwoFactorPanel initial={status} />
        </Card>
      </div>
    </>
  );
}
