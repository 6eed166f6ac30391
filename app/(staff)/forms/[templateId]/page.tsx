import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getTemplate } from "@/lib/forms/form-templates/get-template";
import { AppError } from "@/lib/errors";
import { FormEditor } from "../_components/form-editor";

export const metadata: Metadata = { title: "Edit form" };

export default async function EditFormPage({ params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requireActor({ permission: "forms.configure" });
  const { templateId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(templateId)) notFound();
  const template = await getTemplate(await getDb(), actor, templateId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <FormEditor initial={template} clinicName={actor.clinicName} />;
}
