"use client";
// First: zod builds schemas as their modules load, and must be jitless by then (the CSP).
import "@/app/_lib/zod-browser";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { Card } from "@/app/_components/ui/layout";
import { FORM_KIND_LABELS } from "@/lib/forms/form-editor";
import type { TemplateDto } from "@/lib/forms/schemas";
import type { SeededFormKey } from "@/lib/forms/templates";
import { NewForm } from "./new-form";

type List = { templates: TemplateDto[]; available: { seedKey: string; title: string }[] };

/**
 * The clinic's own forms (editable) and the starting forms shipped with Knotwork, which stay as
 * shipped: the clinic previews one and makes its own copy to edit.
 */
export function FormsList({ initial }: { initial: List }) {
  const router = useRouter();
  const copy = useMutation({
    mutationFn: (seedKey: string) => call(ops.copyFormTemplate, { body: { seedKey: seedKey as SeededFormKey } }),
    onSuccess: (t) => router.push(`/forms/${t.id}`),
  });
  return (
    <div className="space-y-6">
      <Card title="Your clinic's forms">
        {initial.templates.length === 0 ? (
          <EmptyState title="No forms of your own yet">
            Start a blank form, or make a copy of a starting form below and edit it to suit your clinic.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {initial.templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{t.title}</p>
                  <p className="text-sm text-muted">
                    {FORM_KIND_LABELS[t.kind]} ·{" "}
                    {t.currentVersion === 0 ? "new, not saved yet" : `version ${t.currentVersion}`}
                  </p>
                </div>
                <ButtonLink href={`/forms/${t.id}`} variant="secondary" aria-label={`Edit “${t.title}”`}>
                  Edit
                </ButtonLink>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <NewForm />
      <Card title="Starting forms">
        <p className="mb-3 text-sm text-muted">
          Written as a starting point: review the clinical and legal wording before you use them. They stay as shipped;
          make a copy to edit.
        </p>
        {initial.available.length === 0 ? (
          <p className="text-sm text-muted">Your clinic has copied every starting form.</p>
        ) : (
          <ul className="divide-y divide-line">
            {initial.available.map((a) => (
              <li key={a.seedKey} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="flex items-center gap-2">
                  <p className="font-medium">{a.title}</p>
                  <Badge>Read-only</Badge>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/forms/starting/${a.seedKey}`}
                    className="inline-flex min-h-11 items-center text-sm text-accent-700 underline"
                    aria-label={`Preview “${a.title}”`}
                  >
                    Preview
                  </Link>
                  <Button
                    variant="secondary"
                    busy={copy.isPending && copy.variables === a.seedKey}
                    onClick={() => copy.mutate(a.seedKey)}
                    aria-label={`Make a copy of “${a.title}”`}
                  >
                    Make a copy
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {copy.isError ? <Notice tone="danger">{copy.error.message}</Notice> : null}
      </Card>
    </div>
  );
}
