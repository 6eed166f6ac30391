import type { Metadata } from "next";
import { wallMinutesOf } from "@/lib/format/zoned";
import { formatFor } from "@/lib/format/clinic-format";
import { Suspense } from "react";
import { requireActor } from "@/lib/identity/require-actor";
import { PageHeader, Card } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { ClientDirectory } from "../clients/_components/client-directory";
import { can } from "@/lib/identity/scopes";
import { NeedsAttention, NeedsAttentionSkeleton } from "./needs-attention";
import { TodaysAppointments } from "./todays-appointments";
import { LowAdherence } from "./low-adherence";
import { shownFrom } from "./show-more";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(timeZone: string) {
  const hour = Math.floor(wallMinutesOf(new Date(), timeZone) / 60);
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
}

export default async function TherapistDashboard({ searchParams }: PageProps<"/therapist">) {
  const actor = await requireActor({ role: "therapist" });
  const query = await searchParams;
  // Both lists are capped; each "Show more" link carries both counts so neither list resets.
  const shown = { attention: shownFrom(query.attention), adherence: shownFrom(query.adherence) };
  const today = formatFor(actor).at(new Date(), "weekdayLong");
  return (
    <>
      <PageHeader
        title={`${greeting(actor.clinicTimezone)}, ${actor.name.split(" ")[0]}`}
        description={`${today} · ${actor.clinicName}`}
        actions={<ButtonLink href="/clients/new">New client</ButtonLink>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Suspense fallback={<NeedsAttentionSkeleton />}>
          <TodaysAppointments actor={actor} />
        </Suspense>
        <Card title="Find a client">
          <ClientDirectory compact />
        </Card>
        {can(actor, "clinical.read") ? (
          <Suspense fallback={<NeedsAttentionSkeleton />}>
            <NeedsAttention actor={actor} shown={shown.attention} params={shown} />
          </Suspense>
        ) : null}
        {can(actor, "programmes.read") ? (
          <Suspense fallback={<NeedsAttentionSkeleton />}>
            <LowAdherence actor={actor} shown={shown.adherence} params={shown} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
