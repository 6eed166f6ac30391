"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { SeededFormKey as SeedKey } from "@/lib/forms/templates";

/** Makes the clinic's own copy of a starting form and opens it in the editor. */
export function CopyStartingForm({ seedKey, title }: { seedKey: string; title: string }) {
  const router = useRouter();
  const copy = useMutation({
    mutationFn: () => call(ops.copyFormTemplate, { body: { seedKey: seedKey as SeedKey } }),
    onSuccess: (t) => router.push(`/forms/${t.id}`),
  });
  return (
    <div className="space-y-2">
      <Button busy={copy.isPending} onClick={() => copy.mutate()} aria-label={`Make a copy of “${title}”`}>
        Make a copy
      </Button>
      {copy.isError ? <Notice tone="danger">{copy.error.message}</Notice> : null}
    </div>
  );
}
