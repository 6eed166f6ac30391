"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { painKeys } from "@/app/_lib/queries/pain";

/** Marks a client's report of numbness, tingling or shooting pain as seen, then reloads the list. */
export function MarkSeenButton({ completionId, clientName }: { completionId: string; clientName: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const seen = useMutation({
    mutationFn: () => call(ops.reviewProgrammeCompletion, { params: { completionId } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: painKeys.attention });
      router.refresh();
    },
  });
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        className="min-h-9 px-3 text-xs"
        busy={seen.isPending}
        onClick={() => seen.mutate()}
      >
        Mark as seen<span className="sr-only">: {clientName}</span>
      </Button>
      {seen.isError ? <span className="text-xs text-danger">{seen.error.message}</span> : null}
    </span>
  );
}
