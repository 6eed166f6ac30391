"use client";
// First: zod builds schemas as their modules load, and must be jitless by then (the CSP).
import "@/app/_lib/zod-browser";
import { useMemo, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { clientDocumentsQuery } from "@/app/_lib/queries/documents";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { SelectField } from "@/app/_components/ui/field";
import { Button } from "@/app/_components/ui/button";
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentDto } from "@/lib/documents/schemas";
import { UploadForm } from "./upload-form";
import { DocumentTile } from "./document-tile";

/** Two posture photos of one view (with a preview) make a comparison. */
function hasComparison(documents: DocumentDto[]) {
  const views = documents.filter((d) => d.kind === "posture_photo" && d.view && d.hasThumbnail).map((d) => d.view);
  return new Set(views).size < views.length;
}

export function DocumentsView({
  clientId,
  clientName,
  canWrite,
  initial,
  today,
}: {
  clientId: string;
  clientName: string;
  canWrite: boolean;
  initial: DocumentDto[];
  /** The clinic's today (YYYY-MM-DD), the upload form's default date. */
  today: string;
}) {
  const query = useQuery({ ...clientDocumentsQuery(clientId), initialData: initial });
  const [kind, setKind] = useState("");
  const [tag, setTag] = useState("");
  const documents = query.data;
  const tags = useMemo(() => [...new Set(documents.flatMap((d) => d.tags))].sort(), [documents]);
  const shown = documents.filter((d) => (!kind || d.kind === kind) && (!tag || d.tags.includes(tag)));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Documents — ${clientName}`}
        description="Posture photos, referral letters and imaging reports. Every opening is recorded in the audit trail."
        actions={
          <Link href={`/clients/${clientId}`} className="text-sm text-accent-700 underline">
            Back to the client
          </Link>
        }
      />
      {canWrite ? (
        <Card title="Add a document">
          <UploadForm clientId={clientId} today={today} />
        </Card>
      ) : null}
      {hasComparison(documents) ? (
        <Notice tone="info" title="Posture over time">
          <Link href={`/clients/${clientId}/posture`} className="text-accent-700 underline">
            Compare two posture photos of the same view side by side
          </Link>
        </Notice>
      ) : null}
      <Card title="All documents">
        {query.isError ? (
          <Notice tone="danger" title="The documents could not be loaded.">
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Notice>
        ) : null}
        {documents.length === 0 ? (
          <EmptyState title="No documents yet">
            {canWrite ? "Upload a posture photo, referral letter or imaging report above." : "Nothing has been added."}
          </EmptyState>
        ) : (
          <>
            <div className="mb-4 flex flex-wrap gap-4">
              <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} className="w-48">
                <option value="">All kinds</option>
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DOCUMENT_KIND_LABELS[k]}
                  </option>
                ))}
              </SelectField>
              {tags.length ? (
                <SelectField label="Tag" value={tag} onChange={(e) => setTag(e.target.value)} className="w-48">
                  <option value="">All tags</option>
                  {tags.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            {shown.length === 0 ? (
              <p className="text-sm text-muted">No document matches these filters.</p>
            ) : (
              <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Documents">
                {shown.map((d) => (
                  <DocumentTile key={d.id} clientId={clientId} doc={d} canWrite={canWrite} />
                ))}
              </ul>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
