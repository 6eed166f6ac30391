import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listStaff } from "@/lib/identity/staff/list-staff";
import { listPendingInvitations } from "@/lib/identity/invitations/list-pending-invitations";
import { PageHeader } from "@/app/_components/ui/layout";
import { StaffAdmin } from "./staff-admin";

export const metadata: Metadata = { title: "Staff" };

export default async function AdminPage() {
  const actor = await requireActor({ permission: "staff.read" });
  const db = await getDb();
  const [staff, invitations] = await Promise.all([listStaff(db, actor), listPendingInvitations(db, actor)]);
  return (
    <>
      <PageHeader
        title="Staff"
        description={`Therapists and admins of ${actor.clinicName}, and pending invitations.`}
      />
      <StaffAdmin initialStaff={staff} initialInvitations={invitations} currentUserId={actor.userId} />
    </>
  );
}
