import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { loadPortalHome } from "@/lib/portal/home";
import { Card } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { TodaysProgrammeView } from "./_components/todays-programme-view";
import { NextAppointmentsView } from "./_components/next-appointments-view";
import { CheckInCardsView } from "./_components/check-in-cards-view";
import { PainDiary } from "./_components/pain-diary";
import { YourProgress } from "./_components/your-progress";

export const metadata: Metadata = { title: "My portal" };

export default async function PortalHome() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  // One read of everything in one transaction, and no Suspense boundary: the whole page comes in the first
  // streamed chunk, so its largest block is painted once, not swapped in late (issue 16, portal LCP).
  const home = await loadPortalHome(await getDb(), actor);
  const me = home.me;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">Hello, {me.preferredName ?? me.firstName}</h1>
      <TodaysProgrammeView initial={home.programme} />
      <NextAppointmentsView initialAppointments={home.appointments} initialOptions={home.bookingOptions} />
      <CheckInCardsView initialDue={home.due} initialCheckIns={home.checkIns} />
      <PainDiary timeZone={actor.clinicTimezone} initialComplaints={home.complaints} initialDiary={home.diary} />
      <YourProgress timeZone={actor.clinicTimezone} initial={home.progress} />
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
