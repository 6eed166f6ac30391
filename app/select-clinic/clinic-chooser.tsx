"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Notice } from "@/app/_components/ui/feedback";

const ROLE_LABEL: Record<string, string> = { admin: "Admin", therapist: "Therapist", client: "Client portal" };

export function ClinicChooser({ clinics }: { clinics: { clinicId: string; clinicName: string; roles: string[] }[] }) {
  const router = useRouter();
  const choose = useMutation({
    mutationFn: (clinicId: string) => call(ops.selectClinic, { body: { clinicId } }),
    onSuccess: ({ home }) => {
      router.replace(home);
      router.refresh();
    },
  });
  return (
    <div className="space-y-3">
      {choose.error ? <Notice tone="danger">{choose.error.message}</Notice> : null}
      <ul className="space-y-3">
        {clinics.map((c) => (
          <li key={c.clinicId}>
            <button
              type="button"
              onClick={() => choose.mutate(c.clinicId)}
              disabled={choose.isPending}
              className="flex min-h-14 w-full items-center justify-between rounded-lg border border-line bg-white px-4 py-3 text-left hover:border-accent-600 hover:bg-accent-50"
            >
              <span className="font-medium text-ink">{c.clinicName}</span>
              <span className="text-sm text-muted">{c.roles.map((r) => ROLE_LABEL[r] ?? r).join(" · ")}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
