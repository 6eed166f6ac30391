"use client";
import "@/app/_lib/zod-browser";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import type { z } from "zod";
import { staffInvitationBody, type InvitationDto } from "@/lib/identity/invitations/schemas";
import type { StaffAdminMember } from "@/lib/identity/staff/list-staff";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { CopyLink } from "@/app/_components/ui/copy-link";
import { MemberActions } from "./member-actions";
import { identityKeys } from "@/app/_lib/queries/identity";

type InviteValues = z.input<typeof staffInvitationBody>;

export function StaffAdmin({
  initialStaff,
  initialInvitations,
  currentUserId,
}: {
  initialStaff: StaffAdminMember[];
  initialInvitations: InvitationDto[];
  /** The admin looking: they cannot remove themselves here (another admin must). */
  currentUserId: string;
}) {
  const [removed, setRemoved] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const fmt = useClinicFormat();
  const staff = useQuery({
    queryKey: identityKeys.staff,
    queryFn: () => call(ops.listStaff),
    initialData: initialStaff,
  });
  const invitations = useQuery({
    queryKey: identityKeys.invitations,
    queryFn: () => call(ops.listInvitations),
    initialData: initialInvitations,
  });
  const [created, setCreated] = useState<InvitationDto | null>(null);
  const form = useForm<InviteValues>({
    resolver: zodResolver(staffInvitationBody),
    defaultValues: { email: "", role: "therapist" },
  });
  const invite = useMutation({
    mutationFn: (v: InviteValues) => call(ops.inviteStaff, { body: v }),
    onSuccess: (inv) => {
      setCreated(inv);
      form.reset({ email: "", role: inv.role as "therapist" | "admin" });
      void queryClient.invalidateQueries({ queryKey: identityKeys.invitations });
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(ops.revokeInvitation, { params: { invitationId: id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.invitations }),
  });
  const staffInvites = invitations.data.filter((i) => i.kind === "staff");

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Team">
          {removed ? (
            <div className="mb-3">
              <Notice tone="success" testId="staff-removed">
                {removed}
              </Notice>
            </div>
          ) : null}
          <ul className="divide-y divide-line">
            {staff.data.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">{m.name}</p>
                  <p className="text-sm text-muted">{m.email}</p>
                </div>
                <div className="flex flex-wrap gap-1">
                  {m.roles.map((r) => (
                    <Badge key={r} tone={r === "admin" ? "info" : "neutral"}>
                      {r === "admin" ? "Admin" : "Therapist"}
                    </Badge>
                  ))}
                  {/* Words, not colour alone: the admin reads who still has to enrol. */}
                  <Badge tone={m.twoFactorEnabled ? "success" : "warning"}>
                    {m.twoFactorEnabled ? "Two-factor on" : "No two-factor"}
                  </Badge>
                </div>
                {m.userId === currentUserId ? null : (
                  <MemberActions
                    member={m}
                    onChanged={(message) => {
                      setRemoved(message);
                      void queryClient.invalidateQueries({ queryKey: identityKeys.staff });
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Pending invitations">
          {revoke.error ? (
            <div className="mb-3">
              <Notice tone="danger">{revoke.error.message}</Notice>
            </div>
          ) : null}
          {staffInvites.length === 0 ? (
            <EmptyState title="No pending invitations">Invite a therapist or admin with the form.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {staffInvites.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium">{i.email}</p>
                    <p className="text-sm text-muted">
                      {i.role === "admin" ? "Admin" : "Therapist"} · expires {fmt.at(i.expiresAt, "dateTime")}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    busy={revoke.isPending && revoke.variables === i.id}
                    onClick={() => revoke.mutate(i.id)}
                    aria-label={`Revoke invitation for ${i.email}`}
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Invite staff">
        <form
          className="space-y-4"
          onSubmit={form.handleSubmit((v) => {
            setCreated(null);
            invite.mutate(v);
          })}
          noValidate
        >
          {invite.error && !Object.keys((invite.error as { fieldErrors?: object }).fieldErrors ?? {}).length ? (
            <Notice tone="danger">{invite.error.message}</Notice>
          ) : null}
          <Field label="Email" type="email" error={form.formState.errors.email?.message} {...form.register("email")} />
          <SelectField label="Role" error={form.formState.errors.role?.message} {...form.register("role")}>
            <option value="therapist">Therapist</option>
            <option value="admin">Admin</option>
          </SelectField>
          <Button type="submit" busy={invite.isPending} className="w-full">
            Create invitation
          </Button>
        </form>
        {created?.link ? (
          <div className="mt-4">
            <Notice tone="success" title={`Invitation for ${created.email}`}>
              <p className="mb-2">Emailed when email is set up. Copy the link to send it yourself; it works once.</p>
              <CopyLink link={created.link} label="Invitation link" />
            </Notice>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
