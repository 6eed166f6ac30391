import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listTemplates } from "@/lib/forms/form-templates/list-templates";
import { SEEDED_FORMS, type SeededFormKey } from "@/lib/forms/templates";
import { PageHeader } from "@/app/_components/ui/layout";
import { FillForm } from "@/app/portal/_components/forms/fill-form";
import { CopyStartingForm } from "../../_components/copy-starting-form";

export const metadata: Metadata = { title: "Starting form" };

/** A starting form as a client would see it (read-only), with the way to make the clinic's copy. */
export default async function StartingFormPage({ params }: { params: Promise<{ seedKey: string }> }) {
  const actor = await requireActor({ permission: "forms.configure" });
  const { seedKey } = await params;
  const list = await listTemplates(await getDb(), actor);
  // Only the starting forms this clinic is offered (dry needling only within its scope).
  const offered = list.available.some((a) => a.seedKey === seedKey);
  const copied = list.templates.find((t) => t.seedKey === seedKey);
  if (!offered && !copied) notFound();
  const definition = SEEDED_FORMS[seedKey as SeededFormKey];
  return (
    <>
      <PageHeader
        title={definition.title}
        description="A starting form, read-only. Preview it below as your clients will see it on a phone."
        actions={
          copied ? (
            <Link href={`/forms/${copied.id}`} className="inline-flex min-h-11 items-center text-accent-700 underline">
              Edit your clinic&apos;s copy
            </Link>
          ) : (
            <CopyStartingForm seedKey={seedKey} title={definition.title} />
          )
        }
      />
      <Link href="/forms" className="mb-4 inline-flex min-h-11 items-center text-sm text-accent-700 underline">
        ← All forms
      </Link>
      <section aria-label="Preview" className="mx-auto max-w-md rounded-lg border border-line bg-white p-4 shadow-sm">
        <FillForm
          preview
          form={{
            id: seedKey,
            title: definition.title,
            version: 1,
            status: "pending",
            clinicName: actor.clinicName,
            definition,
          }}
        />
      </section>
    </>
  );
}
