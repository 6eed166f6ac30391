import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listTemplates } from "@/lib/forms/form-templates/list-templates";
import { PageHeader } from "@/app/_components/ui/layout";
import { FormsList } from "./_components/forms-list";

export const metadata: Metadata = { title: "Forms" };

/** The clinic's intake and consent forms, and the starting forms it can copy and then edit. */
export default async function FormsPage() {
  const actor = await requireActor({ permission: "forms.configure" });
  const list = await listTemplates(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Forms"
        description="Health history, consent and other forms your clients fill in. Each save is a new version; a signed form keeps the version the client saw."
      />
      <FormsList initial={list} />
    </>
  );
}
