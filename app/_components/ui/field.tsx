import { useId, type ComponentProps, type ReactNode } from "react";

const inputClass =
  "block w-full min-h-11 rounded-md border border-stone-300 bg-white px-3 text-base text-ink placeholder:text-stone-500 focus:border-accent-600 aria-[invalid=true]:border-danger";

/** A labelled input with hint and error text wired to it for screen readers. */
export function Field({
  label,
  error,
  hint,
  className = "",
  ...props
}: ComponentProps<"input"> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  const generated = useId();
  // A caller may name the control (to focus it from elsewhere); the label follows that id.
  const id = props.id ?? generated;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
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

export function SelectField({
  label,
  error,
  hint,
  children,
  className = "",
  ...props
}: ComponentProps<"select"> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  const generated = useId();
  // A caller may name the control (to focus it from elsewhere); the label follows that id.
  const id = props.id ?? generated;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      >
        {children}
      </select>
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
