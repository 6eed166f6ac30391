import type { Metadata } from "next";
import { Suspense } from "react";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/clients";
import { Card } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { PainCards } from "./_components/pain-cards";
import { PainCardsSkeleton } from "./_components/portal-skeletons";
import { CheckInCards, CheckInCardsSkeleton } from "./_components/check-in-cards";
import { TodaysProgramme, TodaysProgrammeSkeleton } from "./_components/todays-programme";
import { NextAppointments, NextAppointmentsSkeleton } from "./_components/next-appointments";

export const metadata: Metadata = { title: "My portal" };

export default async function PortalHome() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const me = await getClientOrThrow(await getDb(), actor, actor.clientId);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">Hello, {me.preferredName ?? me.firstName}</h1>
      <Suspense fallback={<TodaysProgrammeSkeleton />}>
        <TodaysProgramme actor={actor} />
      </Suspense>
      <Suspense fallback={<NextAppointmentsSkeleton />}>
        <NextAppointments actor={actor} />
      </Suspense>
      <Suspense fallback={<CheckInCardsSkeleton />}>
        <CheckInCards actor={actor} />
      </Suspense>
      <Suspense fallback={<PainCardsSkeleton />}>
        <PainCards actor={actor} clientId={actor.clientId} />
      </Suspense>
      <Card title="Forms and documents">
        <p className="text-sm text-muted">
          Forms your clinic asked you to fill in, and documents they shared with you.
        </p>
        <ButtonLink href="/portal/forms" className="mt-3">
          Open forms and documents
        </ButtonLink>
      </Card>
      <Card title="Your details at the clinic">
        <dl className="grid grid-cols-3 gap-y-2 text-sm">
          <dt className="text-muted">Name</dt>
          <dd className="col-span-2">
            {me.firstName} {me.lastName}
          </dd>
          <dt className="text-muted">Email</dt>
          <dd className="col-span-2 [overflow-wrap:anywhere]">{me.email ?? "—"}</dd>
          <dt className="text-muted">Phone</dt>
          <dd className="col-span-2">{me.phone ?? "—"}</dd>
        </dl>
        <p className="mt-3 text-sm text-muted">Something wrong? Tell {actor.clinicName} at your next visit.</p>
      </Card>
    </div>
  );
}
