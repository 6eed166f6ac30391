"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, hrefFor, ops, type BodyOf } from "@/app/_lib/api-client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import type { FormRequestDto, ProposalDto, TemplateDto } from "@/lib/forms/schemas";
import { ProposalsReview } from "./proposals-review";
import { formKeys } from "@/app/_lib/queries/forms";

type Templates = { templates: TemplateDto[]; available: { seedKey: string; title: string }[] };

export function ClientFormsView({
  clientId,
  clientName,
  canWrite,
  initial,
  precautionLabels,
}: {
  clientId: string;
  clientName: string;
  canWrite: boolean;
  initial: { requests: FormRequestDto[]; templates: Templates; proposals: ProposalDto[] };
  precautionLabels: Record<string, string>;
}) {
  const fmt = useClinicFormat();
  const qc = useQueryClient();
  const requests = useQuery({
    queryKey: formKeys.ofClient(clientId),
    queryFn: () => call(ops.listClientForms, { params: { clientId } }).then((r) => r.requests),
    initialData: initial.requests,
  });
  const templates = useQuery({
    queryKey: formKeys.templates,
    queryFn: () => call(ops.listFormTemplates),
    initialData: initial.templates,
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const copy = useMutation({
    // The keys come from the server's own list of seeded templates (listFormTemplates).
    mutationFn: (seedKey: string) =>
      call(ops.copyFormTemplate, { body: { seedKey: seedKey as BodyOf<typeof ops.copyFormTemplate>["seedKey"] } }),
    onSuccess: (t) => {
      setChosen((c) => [...c, t.id]);
      return qc.invalidateQueries({ queryKey: formKeys.templates });
    },
  });
  const send = useMutation({
    mutationFn: () => call(ops.sendClientForms, { params: { clientId }, body: { templateIds: chosen } }),
    onSuccess: () => {
      setChosen([]);
      return qc.invalidateQueries({ queryKey: formKeys.ofClient(clientId) });
    },
  });
  // Kiosk mode: this tablet goes to a page that shows only that form and locks when it is signed.
  const kiosk = useMutation({
    mutationFn: (requestId: string) => call(ops.openFormKiosk, { params: { clientId, requestId } }),
    onSuccess: (r) => window.location.assign(r.path),
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Forms — ${clientName}`}
        description="Health history, consents and privacy notice: sent to the client's portal, signed on their phone or on the clinic's tablet."
        actions={
          <Link href={`/clients/${clientId}`} className="text-sm text-accent-700 underline">
            Back to the client
          </Link>
        }
      />
      <ProposalsReview
        clientId={clientId}
        initial={initial.proposals}
        canWrite={canWrite}
        precautionLabels={precautionLabels}
      />
      {canWrite ? (
        <Card title="Send forms">
          <fieldset>
            <legend className="mb-2 text-sm text-muted">Choose the forms to send to the client&apos;s portal.</legend>
            <div className="space-y-1">
              {/* A new blank form is sendable once it has been saved (version 1). */}
              {templates.data.templates
                .filter((t) => t.currentVersion > 0)
                .map((t) => (
                  <label key={t.id} className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      className="size-5"
                      checked={chosen.includes(t.id)}
                      onChange={(e) =>
                        setChosen((c) => (e.target.checked ? [...c, t.id] : c.filter((x) => x !== t.id)))
                      }
                    />
                    {t.title} <span className="text-sm text-muted">(version {t.currentVersion})</span>
                  </label>
                ))}
            </div>
          </fieldset>
          {templates.data.available.length ? (
            <div className="mt-3 flex flex-wrap gap-2">
              {templates.data.available.map((a) => (
                <Button
                  key={a.seedKey}
                  variant="secondary"
                  busy={copy.isPending && copy.variables === a.seedKey}
                  onClick={() => copy.mutate(a.seedKey)}
                >
                  Add “{a.title}” to the clinic&apos;s forms
                </Button>
              ))}
            </div>
          ) : null}
          <div className="mt-4">
            <Button disabled={!chosen.length} busy={send.isPending} onClick={() => send.mutate()}>
              Send {chosen.length || ""} form{chosen.length === 1 ? "" : "s"}
            </Button>
          </div>
          {send.isError || copy.isError ? <Notice tone="danger">{(send.error ?? copy.error)?.message}</Notice> : null}
        </Card>
      ) : null}
      {kiosk.isError ? <Notice tone="danger">{kiosk.error.message}</Notice> : null}
      <Card title="Sent forms">
        {requests.data.length === 0 ? (
          <EmptyState title="No forms sent yet">{canWrite ? "Choose forms above and send them." : null}</EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {requests.data.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">
                    {r.title} <span className="text-sm font-normal text-muted">version {r.version}</span>
                  </p>
                  <p className="text-sm text-muted">
                    Sent {fmt.at(r.sentAt, "dateTime")}
                    {r.signedAt ? ` · signed ${fmt.at(r.signedAt, "dateTime")}` : ""}
                  </p>
                </div>
                {r.status === "signed" ? (
                  <div className="flex items-center gap-3">
                    <Badge tone="success">Signed</Badge>
                    <a
                      className="text-sm text-accent-700 underline"
                      href={hrefFor(ops.getClientFormPdf, { params: { clientId, requestId: r.id } })}
                      target="_blank"
                      rel="noopener"
                    >
                      PDF of “{r.title}”
                    </a>
                  </div>
                ) : r.status === "pending" && canWrite ? (
                  <div className="flex items-center gap-3">
                    <Badge tone="warning">Waiting for the client</Badge>
                    <Button
                      variant="secondary"
                      busy={kiosk.isPending && kiosk.variables === r.id}
                      onClick={() => kiosk.mutate(r.id)}
                    >
                      Open “{r.title}” on this tablet
                    </Button>
                  </div>
                ) : (
                  <Badge tone={r.status === "pending" ? "warning" : "neutral"}>
                    {r.status === "pending" ? "Waiting for the client" : "Cancelled"}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
