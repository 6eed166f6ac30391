"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { documentFileUrl, documentKeys, documentThumbUrl } from "@/app/_lib/queries/documents";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { DOCUMENT_KIND_LABELS, PHOTO_VIEW_LABELS, type DocumentDto } from "@/lib/documents/schemas";

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One document in the grid: thumbnail (or a PDF mark), date, kind, tags, and its actions. */
export function DocumentTile({ clientId, doc, canWrite }: { clientId: string; doc: DocumentDto; canWrite: boolean }) {
  const fmt = useClinicFormat();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentKeys.list(clientId) });
  const share = useMutation({
    mutationFn: () =>
      call(ops.updateClientDocument, {
        params: { clientId, documentId: doc.id },
        body: { version: doc.version, sharedWithClient: !doc.sharedWithClient },
      }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(ops.deleteClientDocument, { params: { clientId, documentId: doc.id } }),
    onSettled: refresh,
  });
  const label = `${doc.title}, ${DOCUMENT_KIND_LABELS[doc.kind]}, ${fmt.day(doc.documentDate, "date")}`;
  return (
    <li className="flex flex-col overflow-hidden rounded-lg border border-line bg-white">
      <a
        href={documentFileUrl(clientId, doc.id)}
        target="_blank"
        rel="noopener"
        className="block aspect-[4/3] overflow-hidden bg-stone-100"
        // The PDF mark's visible word is part of the name (not in brackets, which axe and some speech
        // tools ignore), as speech-input users say what they see.
        aria-label={`Open ${label}${doc.contentType === "application/pdf" ? ", PDF" : ""}`}
      >
        {doc.hasThumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, signed-in file: not for next/image's optimiser
          <img src={documentThumbUrl(clientId, doc.id)} alt="" className="size-full object-contain" loading="lazy" />
        ) : (
          // No picture yet (still being drawn) or none possible (a PDF that cannot be rendered): a document mark.
          <span className="flex size-full flex-col items-center justify-center gap-1 text-stone-600">
            <svg viewBox="0 0 24 24" className="size-14" aria-hidden="true" fill="none" stroke="currentColor">
              <path strokeWidth="1.5" strokeLinejoin="round" d="M6 2.75h8.5L19.25 7.5v13.75H6z" />
              <path strokeWidth="1.5" strokeLinejoin="round" d="M14.25 2.75V7.75h5" />
            </svg>
            <span className="text-lg font-semibold tracking-wide">PDF</span>
          </span>
        )}
      </a>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <p className="font-medium text-ink">{doc.title}</p>
        <p className="text-sm text-muted">
          <span className="tabular">{fmt.day(doc.documentDate, "date")}</span> · {DOCUMENT_KIND_LABELS[doc.kind]}
          {doc.view ? ` · ${PHOTO_VIEW_LABELS[doc.view]}` : ""} · {sizeText(doc.byteSize)}
        </p>
        <div className="flex flex-wrap gap-1">
          {doc.sharedWithClient ? <Badge tone="info">Shared with client</Badge> : null}
          {doc.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
        </div>
        {canWrite ? (
          <div className="mt-auto flex flex-wrap gap-2 pt-2">
            <Button variant="secondary" busy={share.isPending} onClick={() => share.mutate()}>
              {doc.sharedWithClient ? "Stop sharing" : "Share with client"}
            </Button>
            <Confirm
              trigger={<Button variant="ghost">Remove</Button>}
              title={`Remove “${doc.title}”?`}
              description="It will no longer be shown here or in the portal. The clinic's records keep it."
              confirmLabel="Remove"
              danger
              onConfirm={() => remove.mutate()}
            />
          </div>
        ) : null}
        {share.isError || remove.isError ? (
          <Notice tone="danger">{(share.error ?? remove.error)?.message}</Notice>
        ) : null}
      </div>
    </li>
  );
}
