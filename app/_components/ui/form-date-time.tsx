"use client";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { DateField, TimeField, type DateTimeFieldProps } from "./date-time-field";

type Props<T extends FieldValues> = Omit<
  DateTimeFieldProps,
  "value" | "defaultValue" | "onChange" | "onBlur" | "name"
> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's context and output types
  control: Control<T, any, any>;
  name: FieldPath<T>;
};

/** DateField bound to a react-hook-form field (the stand-in for `{...form.register(name)}` on a native input). */
export function FormDateField<T extends FieldValues>({ control, name, ...props }: Props<T>) {
  const { field } = useController({ control, name });
  return <DateField {...props} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} />;
}

/** TimeField bound to a react-hook-form field. */
export function FormTimeField<T extends FieldValues>({ control, name, ...props }: Props<T>) {
  const { field } = useController({ control, name });
  return <TimeField {...props} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} />;
}
