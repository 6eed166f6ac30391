"use client";
import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ClientDetail } from "@/lib/clients/schemas";
import type { EmergencyContact } from "@/lib/forms/emergency-contact";
import { clientDetailQuery } from "@/app/_lib/queries/clients";
import { ageOn, displayName } from "@/lib/clients/format";
import { Badge } from "@/app/_components/ui/feedback";
import { ButtonLink } from "@/app/_components/ui/button";
import { DetailsCard } from "./details-card";
import { PortalCard } from "./portal-card";
import { MessagePreferencesCard } from "./message-preferences-card";
import type { MessagePreferencesDto } from "@/lib/messaging/preference-schemas";
import { ArchiveCard } from "./archive-card";
import { VisitsCard } from "./visits-card";
import { ComplaintsCard } from "./complaints-card";
import { SafetyCard, type PrecautionOption } from "./safety-card";
import { PrecautionBadges } from "./precaution-badges";
import { ProgrammeCard } from "./programme-card";
import { AppointmentsCard } from "./appointments-card";

export interface ClientPermissions {
  write: boolean;
  archive: boolean;
  invite: boolean;
  /** Visits, notes and chart history: therapists only (admins see contact details). */
  clinicalRead: boolean;
  clinicalWrite: boolean;
  programmesRead: boolean;
  programmesWrite: boolean;
  scheduleManage: boolean;
  /** Billing staff see the Account link (therapists without billing see no amounts). */
  billing?: boolean;
}

export function ClientRecord({
  initial,
  emergencyContact = null,
  permissions,
  timeZone,
  precautionOptions,
  accessLog,
  messagePreferences,
}: {
  initial: ClientDetail;
  /** Accepted from a signed health history; shown under the name, where clinicians look first. */
  emergencyContact?: EmergencyContact | null;
  permissions: ClientPermissions;
  timeZone: string;
  precautionOptions: PrecautionOption[];
  /** "Who opened this record", rendered on the server (admins only). */
  accessLog?: ReactNode;
  messagePreferences?: MessagePreferencesDto | null;
}) {
  const { data: client } = useQuery({ ...clientDetailQuery(initial.id), initialData: initial });
  const age = ageOn(client.dateOfBirth);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{displayName(client)}</h1>
        {age !== null ? <span className="tabular text-muted">{age} years</span> : null}
        {client.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
        {client.hasPortalAccess ? <Badge tone="info">Portal access</Badge> : null}
        {client.selfBookedAt ? <Badge tone="info">New client, booked online</Badge> : null}
        {permissions.clinicalRead ? <PrecautionBadges clientId={client.id} /> : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/chart`} variant="secondary" className="ml-auto">
            Chart history
          </ButtonLink>
        ) : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/posture`} variant="secondary">
            Posture photos
          </ButtonLink>
        ) : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/progress`} variant="secondary">
            Progress
          </ButtonLink>
        ) : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/questionnaires`} variant="secondary">
            Questionnaires
          </ButtonLink>
        ) : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/documents`} variant="secondary">
            Documents
          </ButtonLink>
        ) : null}
        {permissions.clinicalRead ? (
          <ButtonLink href={`/clients/${client.id}/forms`} variant="secondary">
            Forms
          </ButtonLink>
        ) : null}
        {permissions.billing ? (
          <ButtonLink
            href={`/clients/${client.id}/account`}
            variant="secondary"
            className={permissions.clinicalRead ? "" : "ml-auto"}
          >
            Account
          </ButtonLink>
        ) : null}
      </div>
      <EmergencyContactLine contact={emergencyContact} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {permissions.clinicalRead ? (
            <ComplaintsCard
              clientId={client.id}
              canWrite={permissions.clinicalWrite}
              archived={Boolean(client.archivedAt)}
            />
          ) : null}
          {permissions.clinicalRead ? (
            <VisitsCard
              clientId={client.id}
              canWrite={permissions.clinicalWrite}
              archived={Boolean(client.archivedAt)}
            />
          ) : null}
          {permissions.programmesRead ? (
            <ProgrammeCard
              clientId={client.id}
              canWrite={permissions.programmesWrite}
              archived={Boolean(client.archivedAt)}
              timeZone={timeZone}
            />
          ) : null}
          <DetailsCard
            client={client}
            emergencyContact={emergencyContact}
            canEdit={permissions.write && !client.archivedAt}
          />
        </div>
        <div className="space-y-6">
          {permissions.clinicalRead ? (
            <SafetyCard clientId={client.id} options={precautionOptions} canWrite={permissions.clinicalWrite} />
          ) : null}
          {permissions.scheduleManage ? <AppointmentsCard clientId={client.id} canManage timeZone={timeZone} /> : null}
          <PortalCard client={client} canInvite={permissions.invite} />
          {messagePreferences ? (
            <MessagePreferencesCard
              clientId={client.id}
              initial={messagePreferences}
              canEdit={permissions.write && !client.archivedAt}
            />
          ) : null}
          {permissions.archive ? <ArchiveCard client={client} /> : null}
          {accessLog}
        </div>
      </div>
    </div>
  );
}

function EmergencyContactLine({ contact }: { contact: EmergencyContact | null }) {
  return (
    <p className="-mt-3 text-sm text-ink" data-testid="emergency-contact">
      <span className="text-muted">Emergency contact: </span>
      {contact ? (
        <>
          {contact.name ?? "name not given"}
          {contact.phone ? (
            <>
              {" · "}
              <a className="tabular text-accent-700 underline" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
                {contact.phone}
              </a>
            </>
          ) : null}
        </>
      ) : (
        <span className="text-muted">none recorded (the health history form asks for one)</span>
      )}
    </p>
  );
}
