import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "danger";
const tones: Record<Tone, string> = {
  info: "border-accent-100 bg-accent-50 text-accent-800",
  success: "border-green-200 bg-green-50 text-ok",
  warning: "border-amber-200 bg-amber-50 text-warn",
  danger: "border-red-200 bg-red-50 text-danger",
};

/** An inline message. Errors are announced (role=alert); the rest politely (role=status). */
export function Notice({
  tone = "info",
  title,
  children,
  testId,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-ink">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-stone-200 ${className}`} />;
}

/** Rows of grey bars while a list loads, with a label for screen readers. */
export function ListSkeleton({ rows = 5, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | Tone; children: ReactNode }) {
  const cls =
    tone === "neutral"
      ? "bg-stone-100 text-stone-700"
      : tone === "info"
        ? "bg-accent-50 text-accent-800"
        : tone === "success"
          ? "bg-green-50 text-ok"
          : tone === "warning"
            ? "bg-amber-50 text-warn"
            : "bg-red-50 text-danger";
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${cls}`}>{children}</span>
  );
}
