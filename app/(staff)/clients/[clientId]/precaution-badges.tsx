"use client";
import { useQuery } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Badge } from "@/app/_components/ui/feedback";
import { safetyKey } from "./safety-card";

/** Precautions at a glance in the client header (e.g. "⚠ Blood thinners"), from the same query as the card. */
export function PrecautionBadges({ clientId }: { clientId: string }) {
  const { data } = useQuery({
    queryKey: safetyKey(clientId),
    queryFn: ({ signal }) => call(ops.getClientSafety, { params: { clientId }, signal }),
  });
  if (!data?.precautions.length) return null;
  return (
    <span className="flex flex-wrap gap-1" aria-label="Precautions">
      {data.precautions.map((p) => (
        <Badge key={p.id} tone={p.kind === "absolute" ? "danger" : "warning"}>
          ⚠ {p.label}
        </Badge>
      ))}
    </span>
  );
}
