"use client";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, ops } from "@/app/_lib/api-client";
import { clientKeys } from "@/app/_lib/queries/clients";
import { Notice } from "@/app/_components/ui/feedback";
import { ClientForm } from "../_components/client-form";

export function NewClient() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {error ? <Notice tone="danger">{error}</Notice> : null}
      <ClientForm
        submitLabel="Create client"
        onCancel={() => router.push("/clients")}
        onSubmit={async (values) => {
          setError(null);
          try {
            const created = await call(ops.createClient, { body: values });
            await queryClient.invalidateQueries({ queryKey: clientKeys.all });
            router.push(`/clients/${created.id}`);
          } catch (err) {
            setError(err instanceof Error ? err.message : "The client was not saved.");
            throw err;
          }
        }}
      />
    </div>
  );
}
