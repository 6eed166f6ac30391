import { useId, type ComponentProps, type ReactNode } from "react";

/** A labelled multi-line input with hint and error text wired to it (the UI kit has single-line fields only). */
export function TextAreaField({
  label,
  hint,
  error,
  className = "",
  ...props
}: ComponentProps<"textarea"> & { label: ReactNode; hint?: ReactNode; error?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={id}
        rows={4}
        className="block w-full rounded-md border border-stone-300 bg-white p-3 text-base text-ink focus:border-accent-600 aria-[invalid=true]:border-danger"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
