"use client";
import { useMutation } from "@tanstack/react-query";
import type { StaffMember } from "@/lib/identity/staff/list-staff";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Notice } from "@/app/_components/ui/feedback";

const LABEL = { admin: "admin", therapist: "therapist" } as const;

/**
 * Removing a role or the person ends their access to this clinic at once (every request
 * rebuilds the actor from live memberships); when they belong to no clinic any more, their
 * sessions end too.
 */
export function MemberActions({ member, onChanged }: { member: StaffMember; onChanged: (message: string) => void }) {
  const remove = useMutation({
    mutationFn: (role: "admin" | "therapist" | null) =>
      role
        ? call(ops.removeStaffRole, { params: { userId: member.userId, role } })
        : call(ops.removeStaffMember, { params: { userId: member.userId } }),
    onSuccess: (_r, role) =>
      onChanged(
        role ? `${member.name} is no longer a ${LABEL[role]} here.` : `${member.name} was removed from the clinic.`,
      ),
  });
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {member.roles.length > 1
        ? member.roles.map((r) => (
            <Confirm
              key={r}
              trigger={
                <Button variant="secondary" busy={remove.isPending && remove.variables === r}>
                  Remove {LABEL[r]} role
                </Button>
              }
              title={`Remove ${member.name}'s ${LABEL[r]} role?`}
              description={`They lose what the ${LABEL[r]} role allows in this clinic at once, on every device.`}
              confirmLabel={`Remove ${LABEL[r]} role`}
              danger
              onConfirm={() => remove.mutate(r)}
            />
          ))
        : null}
      <Confirm
        trigger={
          <Button variant="secondary" busy={remove.isPending && remove.variables === null}>
            Remove from clinic
          </Button>
        }
        title={`Remove ${member.name} from the clinic?`}
        description="Their access to this clinic ends at once, on every device. Their past work (visits, notes, audit trail) stays. To bring them back, invite them again."
        confirmLabel="Remove from clinic"
        danger
        onConfirm={() => remove.mutate(null)}
      />
      {remove.error ? (
        <div className="w-full">
          <Notice tone="danger">{remove.error.message}</Notice>
        </div>
      ) : null}
    </div>
  );
}
