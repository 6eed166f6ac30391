"use client";
import "@/app/_lib/zod-browser";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ClientDetail } from "@/lib/clients/schemas";
import { clientInvitationBody } from "@/lib/identity/invitations/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { clientKeys } from "@/app/_lib/queries/clients";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { CopyLink } from "@/app/_components/ui/copy-link";

// Left empty, the invitation goes to the email on the client record.
const inviteForm = z.object({ email: z.literal("").or(clientInvitationBody.shape.email) });
type InviteValues = z.input<typeof inviteForm>;

export function PortalCard({ client, canInvite }: { client: ClientDetail; canInvite: boolean }) {
  const queryClient = useQueryClient();
  const fmt = useClinicFormat();
  const form = useForm<InviteValues>({
    resolver: zodResolver(inviteForm),
    defaultValues: { email: client.email ?? "" },
  });
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) });
  const invite = useMutation({
    mutationFn: ({ email }: InviteValues) =>
      call(ops.inviteClient, { params: { clientId: client.id }, body: email ? { email } : {} }),
    onSuccess: (inv) => {
      setLink(inv.link ?? null);
      void refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const inviteFieldErrors = invite.error instanceof ApiError && Object.keys(invite.error.fieldErrors).length > 0;
  const revoke = useMutation({
    mutationFn: () => call(ops.revokeClientInvitation, { params: { clientId: client.id } }),
    onSuccess: () => {
      setLink(null);
      void refresh();
    },
  });

  if (client.hasPortalAccess) {
    return (
      <Card title="Client portal">
        <p className="text-sm text-muted">
          This client signs in to the portal to see their programme, diary and appointments.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Client portal">
      <div className="space-y-4">
        {link ? (
          <Notice tone="success" title="Invitation created">
            <p className="mb-2">
              It has been emailed (when email is set up). You can also copy the link and send it yourself. It works
              once.
            </p>
            <CopyLink link={link} label="Invitation link" />
          </Notice>
        ) : null}
        {!link && client.pendingInvitation ? (
          <p className="text-sm text-muted">
            Invitation sent to <strong>{client.pendingInvitation.email}</strong>, valid until{" "}
            {fmt.at(client.pendingInvitation.expiresAt, "dateTime")}.
          </p>
        ) : null}
        {!client.pendingInvitation && !link ? (
          <p className="text-sm text-muted">
            Invite this client to see their home programme, keep a pain diary and book online.
          </p>
        ) : null}
        {invite.error && !inviteFieldErrors ? <Notice tone="danger">{invite.error.message}</Notice> : null}
        {revoke.error ? <Notice tone="danger">{revoke.error.message}</Notice> : null}
        {canInvite && !client.archivedAt ? (
          <form className="space-y-3" noValidate onSubmit={form.handleSubmit((v) => invite.mutate(v))}>
            <Field
              label="Client's email"
              type="email"
              error={form.formState.errors.email?.message}
              {...form.register("email")}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" busy={invite.isPending}>
                {client.pendingInvitation ? "Send a new invitation" : "Invite to portal"}
              </Button>
              {client.pendingInvitation ? (
                <Button type="button" variant="secondary" busy={revoke.isPending} onClick={() => revoke.mutate()}>
                  Revoke invitation
                </Button>
              ) : null}
            </div>
          </form>
        ) : null}
      </div>
    </Card>
  );
}
