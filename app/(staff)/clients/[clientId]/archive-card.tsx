"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClientDetail } from "@/lib/clients/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { clientKeys } from "@/app/_lib/queries/clients";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { Confirm } from "@/app/_components/ui/confirm";

export function ArchiveCard({ client }: { client: ClientDetail }) {
  const fmt = useClinicFormat();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (action: "archive" | "restore") =>
      call(action === "archive" ? ops.archiveClient : ops.restoreClient, { params: { clientId: client.id } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      void queryClient.invalidateQueries({ queryKey: clientKeys.lists });
    },
  });
  return (
    <Card title={client.archivedAt ? "Archived record" : "Archive"}>
      <div className="space-y-3 text-sm">
        {change.error ? <Notice tone="danger">{change.error.message}</Notice> : null}
        {client.archivedAt ? (
          <>
            <p className="text-muted">
              Archived on {fmt.at(client.archivedAt, "date")}. The record and its history are kept.
            </p>
            <Button variant="secondary" busy={change.isPending} onClick={() => change.mutate("restore")}>
              Restore client
            </Button>
          </>
        ) : (
          <>
            <p className="text-muted">
              Archiving hides the client from lists. Nothing clinical is deleted, and you can restore it.
            </p>
            <Confirm
              trigger={
                <Button variant="secondary" busy={change.isPending}>
                  Archive client
                </Button>
              }
              title="Archive this client?"
              description="They will disappear from client lists and lose portal access until restored. Their records are kept."
              confirmLabel="Archive"
              onConfirm={() => change.mutate("archive")}
            />
          </>
        )}
      </div>
    </Card>
  );
}
