import { useId, type ComponentProps, type ReactNode } from "react";

const controlClass =
  "block w-full rounded-md border border-stone-300 bg-white text-base text-ink placeholder:text-stone-500 focus:border-accent-600 aria-[invalid=true]:border-danger";
const inputClass = `${controlClass} min-h-11 px-3`;
const textareaClass = `${controlClass} p-3`;

type FrameProps = { label: ReactNode; error?: string; hint?: ReactNode; className?: string };
type ControlA11y = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * The one label / hint / error layout every form control shares: the label names the control,
 * and the hint and error are announced with it (aria-describedby). `render` gets the ids to spread.
 */
export function FieldFrame({
  label,
  error,
  hint,
  className = "",
  id: givenId,
  render,
}: FrameProps & { id?: string; render: (a11y: ControlA11y) => ReactNode }) {
  const generated = useId();
  // A caller may name the control (to focus it from elsewhere); the label follows that id.
  const id = givenId ?? generated;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      {render({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
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

/** A labelled input with hint and error text wired to it for screen readers. */
export function Field({ label, error, hint, className, ...props }: ComponentProps<"input"> & FrameProps) {
  return (
    <FieldFrame
      {...{ label, error, hint, className, id: props.id }}
      render={(a11y) => <input className={inputClass} {...a11y} {...props} id={a11y.id} />}
    />
  );
}

/** A labelled select, laid out like Field. */
export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...props
}: ComponentProps<"select"> & FrameProps) {
  return (
    <FieldFrame
      {...{ label, error, hint, className, id: props.id }}
      render={(a11y) => (
        <select className={inputClass} {...a11y} {...props} id={a11y.id}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled multi-line input, laid out like Field (four rows unless told). */
export function TextAreaField({ label, error, hint, className, ...props }: ComponentProps<"textarea"> & FrameProps) {
  return (
    <FieldFrame
      {...{ label, error, hint, className, id: props.id }}
      render={(a11y) => <textarea rows={4} className={textareaClass} {...a11y} {...props} id={a11y.id} />}
    />
  );
}
