"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ClientDetail } from "@/lib/clients/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import type { EmergencyContact } from "@/lib/forms/emergency-contact";
import { clientKeys } from "@/app/_lib/queries/clients";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { ClientForm } from "../_components/client-form";
import { useClinicFormat } from "@/app/_components/clinic-format";

function Row({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-2">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="col-span-2 text-sm">{value || "—"}</dd>
    </div>
  );
}

export function DetailsCard({
  client,
  emergencyContact = null,
  canEdit,
}: {
  client: ClientDetail;
  emergencyContact?: EmergencyContact | null;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const f = useClinicFormat();

  return (
    <Card
      title="Details"
      actions={
        canEdit && !editing ? (
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            Edit details
          </Button>
        ) : null
      }
    >
      {saved ? (
        <div className="mb-4">
          <Notice tone="success">Details saved.</Notice>
        </div>
      ) : null}
      {error ? (
        <div className="mb-4">
          <Notice tone="danger" title={error.stale ? "Not saved: someone else changed this client" : "Not saved"}>
            {error.message}{" "}
            {error.stale ? (
              <button
                type="button"
                className="underline"
                onClick={() => {
                  void queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) });
                  setError(null);
                }}
              >
                Load their version (your edits stay in the form)
              </button>
            ) : null}
          </Notice>
        </div>
      ) : null}
      {editing ? (
        <ClientForm
          key={client.version}
          defaultValues={{
            firstName: client.firstName,
            lastName: client.lastName,
            preferredName: client.preferredName ?? "",
            dateOfBirth: client.dateOfBirth ?? "",
            email: client.email ?? "",
            phone: client.phone ?? "",
          }}
          submitLabel="Save details"
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
          onSubmit={async (values) => {
            setError(null);
            try {
              const updated = await call(ops.updateClient, {
                params: { clientId: client.id },
                body: { ...values, version: client.version },
              });
              queryClient.setQueryData(clientKeys.detail(client.id), updated);
              await queryClient.invalidateQueries({ queryKey: clientKeys.lists });
              setEditing(false);
              setSaved(true);
            } catch (err) {
              setError({
                message: err instanceof Error ? err.message : "Please try again.",
                stale: err instanceof ApiError && err.status === 409,
              });
              throw err;
            }
          }}
        />
      ) : (
        <dl className="divide-y divide-line">
          <Row label="First name" value={client.firstName} />
          <Row label="Last name" value={client.lastName} />
          <Row label="Preferred name" value={client.preferredName} />
          <Row label="Date of birth" value={client.dateOfBirth ? f.day(client.dateOfBirth, "date") : null} />
          <Row label="Email" value={client.email} />
          <Row label="Phone" value={client.phone} />
          <Row
            label="Emergency contact"
            value={emergencyContact ? [emergencyContact.name, emergencyContact.phone].filter(Boolean).join(", ") : null}
          />
        </dl>
      )}
    </Card>
  );
}
