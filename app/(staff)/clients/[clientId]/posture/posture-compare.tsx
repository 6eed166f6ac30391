"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useState } from "react";
import Link from "next/link";
import { documentFileUrl } from "@/app/_lib/queries/documents";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { EmptyState } from "@/app/_components/ui/feedback";
import { SelectField } from "@/app/_components/ui/field";
import { ButtonLink } from "@/app/_components/ui/button";
import { PHOTO_VIEW_LABELS, PHOTO_VIEWS, type PhotoView } from "@/lib/documents/schemas";
import type { PostureComparison, PosturePhoto } from "@/lib/documents/posture-photos";

/**
 * Posture over time: two photos of the same view, the earlier one first. Side by side from a
 * tablet up; stacked on a phone, where two pictures side by side would be too small to judge
 * a shoulder's height. The picks live in the address, so a comparison can be bookmarked.
 */
export function PostureCompare({
  clientId,
  clientName,
  initial,
}: {
  clientId: string;
  clientName: string;
  initial: PostureComparison;
}) {
  const fmt = useClinicFormat();
  const { photosByView } = initial;
  const [view, setView] = useState<PhotoView | null>(initial.view);
  const [picked, setPicked] = useState({ before: initial.before?.id, after: initial.after?.id });
  const comparable = PHOTO_VIEWS.filter((v) => photosByView[v].length >= 2 || v === view);
  const photos = view ? photosByView[view] : [];
  const before = photos.find((p) => p.id === picked.before) ?? photos[0];
  const after = photos.find((p) => p.id === picked.after) ?? photos[photos.length - 1];

  const remember = (next: { view: PhotoView; before?: string; after?: string }) => {
    const q = new URLSearchParams({ view: next.view });
    if (next.before) q.set("before", next.before);
    if (next.after) q.set("after", next.after);
    window.history.replaceState(null, "", `?${q}`);
  };
  const chooseView = (v: PhotoView) => {
    setView(v);
    setPicked({ before: undefined, after: undefined });
    remember({ view: v });
  };
  const choose = (side: "before" | "after", id: string) => {
    const next = { ...picked, [side]: id };
    setPicked(next);
    if (view) remember({ view, before: next.before ?? before?.id, after: next.after ?? after?.id });
  };
  const label = (p: PosturePhoto) => `${PHOTO_VIEW_LABELS[p.view]} view, ${fmt.day(p.documentDate, "dateLong")}`;
  const option = (p: PosturePhoto) => (
    <option key={p.id} value={p.id}>
      {fmt.day(p.documentDate, "date")} — {p.title}
    </option>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Posture photos over time"
        description={clientName}
        actions={
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={`/clients/${clientId}/chart`} variant="secondary">
              Chart history
            </ButtonLink>
            <ButtonLink href={`/clients/${clientId}/documents`} variant="secondary">
              All documents
            </ButtonLink>
          </div>
        }
      />
      {!view || !before || !after ? (
        <EmptyState
          title="Nothing to compare yet"
          action={
            <Link href={`/clients/${clientId}/documents`} className="text-sm text-accent-700 underline">
              Upload posture photos
            </Link>
          }
        >
          A comparison needs two posture photos of the same view (front, back, left or right side), taken on different
          days. Add them on the Documents page with their view and date.
        </EmptyState>
      ) : (
        <Card title="Compare two dates">
          <div className="mb-4 grid gap-4 sm:grid-cols-3">
            <SelectField label="View" value={view} onChange={(e) => chooseView(e.target.value as PhotoView)}>
              {comparable.map((v) => (
                <option key={v} value={v}>
                  {PHOTO_VIEW_LABELS[v]} ({photosByView[v].length} photos)
                </option>
              ))}
            </SelectField>
            <SelectField label="First photo" value={before.id} onChange={(e) => choose("before", e.target.value)}>
              {photos.map(option)}
            </SelectField>
            <SelectField label="Second photo" value={after.id} onChange={(e) => choose("after", e.target.value)}>
              {photos.map(option)}
            </SelectField>
          </div>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="posture-comparison">
            {[before, after].map((p, i) => (
              <figure key={`${i}-${p.id}`} className="rounded-md border border-line bg-stone-50 p-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, signed-in file: not for next/image's optimiser */}
                <img
                  src={documentFileUrl(clientId, p.id, "preview")}
                  alt={label(p)}
                  className="mx-auto max-h-[70vh] w-full object-contain"
                />
                <figcaption className="mt-2 text-center text-sm text-ink">
                  <span className="font-medium tabular">{fmt.day(p.documentDate, "dateLong")}</span>
                  <span className="block text-muted">{p.title}</span>
                </figcaption>
              </figure>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}
