"use client";
import { useState } from "react";
import { documentFileUrl } from "@/app/_lib/queries/documents";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Card } from "@/app/_components/ui/layout";
import { SelectField } from "@/app/_components/ui/field";
import { PHOTO_VIEW_LABELS, PHOTO_VIEWS, type DocumentDto, type PhotoView } from "@/lib/documents/schemas";

/**
 * Posture over time: two photos of the same view side by side, earliest on the left by
 * default (the first and the latest), each under its date. Shown once a view has two photos.
 */
export function ComparePhotos({ clientId, documents }: { clientId: string; documents: DocumentDto[] }) {
  const fmt = useClinicFormat();
  const byView = new Map<PhotoView, DocumentDto[]>();
  for (const d of documents)
    if (d.kind === "posture_photo" && d.view && d.hasThumbnail) byView.set(d.view, [...(byView.get(d.view) ?? []), d]);
  const views = PHOTO_VIEWS.filter((v) => (byView.get(v)?.length ?? 0) >= 2);
  const [view, setView] = useState<PhotoView | undefined>(views[0]);
  const current = view && views.includes(view) ? view : views[0];
  // Oldest first: the list arrives newest first.
  const photos = current ? [...byView.get(current)!].reverse() : [];
  const [picked, setPicked] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  if (!current) return null;
  const left = photos.find((p) => p.id === picked[0]) ?? photos[0]!;
  const right = photos.find((p) => p.id === picked[1]) ?? photos[photos.length - 1]!;
  const option = (p: DocumentDto) => (
    <option key={p.id} value={p.id}>
      {fmt.day(p.documentDate, "date")} — {p.title}
    </option>
  );
  return (
    <Card title="Compare posture photos">
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <SelectField label="View" value={current} onChange={(e) => setView(e.target.value as PhotoView)}>
          {views.map((v) => (
            <option key={v} value={v}>
              {PHOTO_VIEW_LABELS[v]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Left photo" value={left.id} onChange={(e) => setPicked([e.target.value, picked[1]])}>
          {photos.map(option)}
        </SelectField>
        <SelectField label="Right photo" value={right.id} onChange={(e) => setPicked([picked[0], e.target.value])}>
          {photos.map(option)}
        </SelectField>
      </div>
      <div className="grid grid-cols-2 gap-3" data-testid="photo-comparison">
        {[left, right].map((p, i) => (
          <figure key={`${i}-${p.id}`} className="rounded-md border border-line bg-stone-50 p-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, signed-in file: not for next/image's optimiser */}
            <img
              src={documentFileUrl(clientId, p.id, "preview")}
              alt={`${PHOTO_VIEW_LABELS[current]} view, ${fmt.day(p.documentDate, "dateLong")}`}
              className="mx-auto max-h-[60vh] w-full object-contain"
            />
            <figcaption className="mt-2 text-center text-sm font-medium tabular text-ink">
              {fmt.day(p.documentDate, "dateLong")}
            </figcaption>
          </figure>
        ))}
      </div>
    </Card>
  );
}
