"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { TemplateDetailDto } from "@/lib/forms/schemas";

/** Makes the clinic's own copy of a starting form and opens it in the editor. */
export function CopyStartingForm({ seedKey, title }: { seedKey: string; title: string }) {
  const router = useRouter();
  const copy = useMutation({
    mutationFn: () => api<TemplateDetailDto>("/api/forms/templates", { method: "POST", body: { seedKey } }),
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
