import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { PageHeader } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { ClientDirectory } from "./_components/client-directory";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage() {
  const actor = await requireActor({ permission: "clients.read" });
  return (
    <>
      <PageHeader
        title="Clients"
        description="Search by name, email or phone number."
        actions={can(actor, "clients.write") ? <ButtonLink href="/clients/new">New client</ButtonLink> : null}
      />
      <ClientDirectory />
    </>
  );
}
