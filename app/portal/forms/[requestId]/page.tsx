import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getMyForm } from "@/lib/forms/form-requests/get-my-form";
import { AppError } from "@/lib/errors";
import { Notice } from "@/app/_components/ui/feedback";
import { FillForm } from "../../_components/forms/fill-form";

export const metadata: Metadata = { title: "Fill in a form" };

export default async function FillFormPage({ params }: { params: Promise<{ requestId: string }> }) {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const { requestId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) notFound();
  const form = await getMyForm(await getDb(), actor, requestId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link
        href="/portal/forms"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Your forms
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{form.title}</h1>
      {form.status === "pending" ? (
        <FillForm form={form} submitTo={{ requestId: form.id }} />
      ) : (
        <Notice tone="success">You have already signed this form. Thank you.</Notice>
      )}
    </div>
  );
}
