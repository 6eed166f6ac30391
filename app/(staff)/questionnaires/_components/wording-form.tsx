"use client";
import { useForm } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import { setInstrumentWording, type InstrumentDto, type ItemAnswer } from "@/app/_lib/queries/questionnaires";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

// Option labels are arrays here (react-hook-form reads "options.0" as an index); the values
// run 0..n, so index and value coincide and are turned back into a keyed record on save.
type ItemValues = { prompt: string; options: string[] };
type Values = { licenceNote: string; items: Record<string, ItemValues> };

const areaClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-ink focus:border-accent-600 aria-[invalid=true]:border-danger";

/**
 * The clinic's licensed copy of each item: its wording and every answer's wording. An item left
 * completely blank is not sent (and stays unavailable); a half-filled one is pointed out.
 */
export function WordingForm({
  instrument,
  onSaved,
}: {
  instrument: InstrumentDto;
  onSaved: (dto: InstrumentDto) => void;
}) {
  const items = instrument.items.filter((i) => i.promptSource === "clinic");
  const optionsOf = (answer: unknown) =>
    (answer as ItemAnswer).kind === "options" ? (answer as Extract<ItemAnswer, { kind: "options" }>).options : [];
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
    reset,
  } = useForm<Values>({
    defaultValues: {
      licenceNote: instrument.licenceNote ?? "",
      items: Object.fromEntries(
        items.map((i) => [i.id, { prompt: i.prompt ?? "", options: optionsOf(i.answer).map((o) => o.label ?? "") }]),
      ),
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: Record<string, { prompt: string; options: Record<string, string> }> = {};
      for (const item of items) {
        const { prompt, options } = v.items[item.id]!;
        if (!prompt.trim() && options.every((o) => !o.trim())) continue;
        body[item.id] = {
          prompt: prompt.trim(),
          options: Object.fromEntries(optionsOf(item.answer).map((o, i) => [String(o.value), options[i]!.trim()])),
        };
      }
      return setInstrumentWording(instrument.id, { items: body, licenceNote: v.licenceNote.trim() });
    },
    onSuccess: (dto, v) => {
      onSaved(dto);
      reset(v);
    },
    onError: (err) => applyFieldErrors(err, setError),
  });

  const submit = handleSubmit((v) => {
    let ok = true;
    // The form is long: take the first problem into view, the rest are marked where they are.
    const mark = (name: `items.${string}.prompt` | `items.${string}.options.${number}`, message: string) => {
      setError(name, { message }, { shouldFocus: ok });
      ok = false;
    };
    for (const item of items) {
      const { prompt, options } = v.items[item.id]!;
      if (!prompt.trim() && options.every((o) => !o.trim())) continue;
      if (!prompt.trim()) mark(`items.${item.id}.prompt`, "Enter the question's wording, or clear its answers too.");
      options.forEach((o, i) => {
        if (!o.trim()) mark(`items.${item.id}.options.${i}`, "Enter this answer's wording.");
      });
    }
    if (ok) save.mutate(v);
  });
  const problems = Object.keys(errors.items ?? {}).length;

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Field
        label="Licence note"
        hint="For example your licence number or where your copy comes from."
        {...register("licenceNote")}
      />
      {items.map((item, n) => {
        const e = errors.items?.[item.id];
        return (
          <fieldset key={item.id} className="space-y-3 border-t border-line pt-4">
            <legend className="float-left mb-2 w-full text-sm font-semibold text-ink">
              {n + 1}. {item.title}
            </legend>
            <div className="clear-both">
              <label htmlFor={`${instrument.id}-${item.id}-prompt`} className="mb-1 block text-sm font-medium text-ink">
                Question wording
              </label>
              <textarea
                id={`${instrument.id}-${item.id}-prompt`}
                rows={2}
                className={areaClass}
                aria-invalid={e?.prompt ? true : undefined}
                aria-describedby={e?.prompt ? `${instrument.id}-${item.id}-prompt-error` : undefined}
                {...register(`items.${item.id}.prompt`)}
              />
              {e?.prompt ? (
                <p id={`${instrument.id}-${item.id}-prompt-error`} className="mt-1 text-sm text-danger">
                  {e.prompt.message}
                </p>
              ) : null}
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              {optionsOf(item.answer).map((o, i) => (
                <Field
                  key={o.value}
                  label={`Answer scoring ${o.value}`}
                  error={e?.options?.[i]?.message}
                  {...register(`items.${item.id}.options.${i}`)}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length) ? (
        <Notice tone="danger">{save.error.message}</Notice>
      ) : null}
      {save.isSuccess && !isDirty ? (
        <Notice tone="success">
          Wording saved. {instrument.name}{" "}
          {save.data.needsClinicWording ? "still needs wording for some questions." : "can now be assigned."}
        </Notice>
      ) : null}
      {problems > 0 ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {problems === 1 ? "One question needs" : `${problems} questions need`} attention: see the messages above.
        </p>
      ) : null}
      <Button type="submit" busy={save.isPending}>
        Save wording
      </Button>
    </form>
  );
}
