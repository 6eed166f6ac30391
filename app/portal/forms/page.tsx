import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listMyForms } from "@/lib/forms/form-requests/list-my-forms";
import { listMyDocuments } from "@/lib/documents/document-files/list-my-documents";
import { formatFor } from "@/lib/format/clinic-format";
import { Card } from "@/app/_components/ui/layout";
import { Badge, EmptyState } from "@/app/_components/ui/feedback";
import { ButtonLink } from "@/app/_components/ui/button";
import { hrefFor, ops } from "@/app/_lib/api-client";

export const metadata: Metadata = { title: "Forms and documents" };

export default async function MyFormsPage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const db = await getDb();
  const [forms, documents] = await Promise.all([listMyForms(db, actor), listMyDocuments(db, actor)]);
  const fmt = formatFor(actor);
  return (
    <div className="space-y-5">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Forms and documents</h1>
      <Card title="Forms from your clinic">
        {forms.length === 0 ? (
          <EmptyState title="No forms to fill in">Your clinic will send any forms they need here.</EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {forms.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{f.title}</p>
                  <p className="text-sm text-muted">
                    {f.status === "signed" && f.signedAt
                      ? `Signed ${fmt.at(f.signedAt, "date")}`
                      : `Sent ${fmt.at(f.sentAt, "date")}`}
                  </p>
                </div>
                {f.status === "pending" ? (
                  <ButtonLink href={`/portal/forms/${f.id}`}>Fill in “{f.title}”</ButtonLink>
                ) : (
                  <Badge tone="success">Signed</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Documents your clinic shared with you">
        {documents.length === 0 ? (
          <p className="text-sm text-muted">Nothing shared yet.</p>
        ) : (
          <ul className="divide-y divide-line">
            {documents.map((d) => (
              <li key={d.id} className="py-3">
                <a
                  className="font-medium text-accent-700 underline"
                  href={hrefFor(ops.getMyDocumentFile, { params: { documentId: d.id } })}
                  target="_blank"
                  rel="noopener"
                >
                  {d.title}
                </a>
                <span className="ml-2 text-sm text-muted">{fmt.day(d.documentDate, "date")}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
