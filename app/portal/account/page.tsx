import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getTwoFactorStatus } from "@/lib/identity/two-factor/enrolment";
import { Card } from "@/app/_components/ui/layout";
import { TwoFactorPanel } from "@/app/_components/two-factor/two-factor-panel";
import { getMyMessagePreferences } from "@/lib/messaging/message-preferences/get-my-message-preferences";
import { MyMessagePreferences } from "./message-preferences-section";

export const metadata: Metadata = { title: "Your account" };

/** Clients choose how the clinic contacts them, and are offered two-factor sign-in (no clinic can require it). */
export default async function PortalAccountPage() {
  const actor = await requireActor({ role: "client" });
  const db = await getDb();
  const status = await getTwoFactorStatus(db, actor.userId, actor);
  const preferences = await getMyMessagePreferences(db, actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Your account</h1>
      <p className="text-sm text-muted">Signed in as {actor.email}.</p>
      <Card title="Messages from the clinic">
        <MyMessagePreferences initial={preferences} />
      </Card>
      <Card title="Two-factor sign-in (optional)">
        <TwoFactorPanel initial={status} />
      </Card>
    </div>
  );
}
