import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { PageHeader, Card } from "@/app/_components/ui/layout";
import { NewClient } from "./new-client";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requireActor({ permission: "clients.write" });
  return (
    <>
      <PageHeader
        title="New client"
        description="Only the name is required; add contact details to invite them to the portal."
      />
      <Card>
        <NewClient />
      </Card>
    </>
  );
}
