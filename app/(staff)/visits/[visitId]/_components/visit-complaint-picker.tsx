"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { complaintsQuery, invalidatePain } from "@/app/_lib/queries/pain";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { ComplaintForm } from "@/app/(staff)/clients/[clientId]/complaint-form";

/**
 * Add a complaint, or reopen one the client had before, without leaving the visit: pain is scored
 * per complaint, and sending the therapist to the client page mid-visit lost their place.
 */
export function VisitComplaintPicker({ clientId, hasOpen }: { clientId: string; hasOpen: boolean }) {
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const addedRef = useRef<HTMLDivElement>(null);
  // The form has gone: focus the confirmation, which says where to score the new complaint.
  useEffect(() => {
    if (added) addedRef.current?.focus();
  }, [added]);
  const list = useQuery(complaintsQuery(clientId));
  const resolved = list.data?.filter((c) => c.status === "resolved") ?? [];
  const reopen = useMutation({
    mutationFn: (c: ComplaintDto) =>
      call(ops.updateComplaint, { params: { complaintId: c.id }, body: { status: "open", version: c.version } }),
    onSuccess: (c) => {
      setAdded(c.title);
      return invalidatePain(qc, clientId);
    },
  });

  if (adding) {
    return (
      <ComplaintForm
        clientId={clientId}
        onDone={(c) => {
          setAdding(false);
          if (c) setAdded(c.title);
          else requestAnimationFrame(() => addButton.current?.focus());
        }}
      />
    );
  }
  return (
    <div className="space-y-3">
      {added ? (
        <div ref={addedRef} tabIndex={-1} className="outline-none">
          <Notice tone="success">“{added}” is open: score it above.</Notice>
        </div>
      ) : null}
      {reopen.error ? (
        <Notice tone="danger">
          {reopen.error instanceof ApiError && reopen.error.status === 409
            ? "That complaint was changed elsewhere. It has been reloaded: try again."
            : reopen.error.message}
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          ref={addButton}
          type="button"
          variant={hasOpen ? "secondary" : "primary"}
          onClick={() => {
            setAdded(null);
            setAdding(true);
          }}
        >
          {hasOpen ? "Add another complaint" : "Add a complaint"}
        </Button>
        {resolved.length > 0 ? <span className="text-sm text-muted">or reopen an earlier one:</span> : null}
        {resolved.map((c) => (
          <Button
            key={c.id}
            type="button"
            variant="ghost"
            busy={reopen.isPending && reopen.variables?.id === c.id}
            onClick={() => reopen.mutate(c)}
          >
            Reopen “{c.title}”
          </Button>
        ))}
      </div>
    </div>
  );
}
