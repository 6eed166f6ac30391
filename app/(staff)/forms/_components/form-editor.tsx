"use client";
import "@/app/_lib/zod-browser";
import { useState } from "react";
import Link from "next/link";
import { useFieldArray, useForm, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField, TextAreaField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { PageHeader } from "@/app/_components/ui/layout";
import { FillForm } from "@/app/portal/_components/forms/fill-form";
import { FORM_KINDS, type FormDefinition } from "@/lib/forms/definition";
import {
  allIds,
  blankSection,
  editorField,
  editorSchema,
  FORM_KIND_LABELS,
  templateValues,
  type EditorValues,
} from "@/lib/forms/form-editor";
import type { TemplateDetailDto } from "@/lib/forms/schemas";
import { SectionEditor, type EditorForm } from "./section-editor";
import { useUnsavedWarning } from "./use-unsaved-warning";

/**
 * Builds a clinic form from sections and questions. Validated with the save operation's own
 * schema; each save is a new version (a client who signed keeps the version they saw); a save
 * over someone else's newer version is refused (409) and said so plainly.
 */
export function FormEditor({ initial, clinicName }: { initial: TemplateDetailDto; clinicName: string }) {
  const [template, setTemplate] = useState(initial);
  const [preview, setPreview] = useState<FormDefinition | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const form: EditorForm = useForm<EditorValues, unknown, FormDefinition>({
    resolver: zodResolver(editorSchema),
    defaultValues: templateValues(initial),
  });
  const { errors, isDirty, isSubmitted, isValid } = form.formState;
  const sections = useFieldArray({ control: form.control, name: "sections", keyName: "_key" });
  useUnsavedWarning(isDirty);

  const save = useMutation({
    mutationFn: (definition: FormDefinition) =>
      call(ops.saveFormTemplate, {
        params: { templateId: template.id },
        body: { baseVersion: template.currentVersion, definition },
      }),
    onSuccess: (t) => {
      setTemplate(t);
      setSaved(t.currentVersion);
      form.reset(templateValues(t));
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || err.status !== 400) return;
      for (const [path, messages] of Object.entries(err.fieldErrors))
        if (messages[0]) form.setError(editorField(path) as FieldPath<EditorValues>, { message: messages[0] });
    },
  });
  const reload = useMutation({
    mutationFn: () => call(ops.getFormTemplate, { params: { templateId: template.id } }),
    onSuccess: (t) => {
      setTemplate(t);
      form.reset(templateValues(t));
      save.reset();
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const sectionsError = errors.sections?.root?.message ?? errors.sections?.message;

  const submit = form.handleSubmit((definition) => {
    setSaved(null);
    save.mutate(definition);
  });
  const showPreview = form.handleSubmit((definition) => setPreview(definition));

  return (
    <>
      <PageHeader
        title={`Edit “${template.title}”`}
        description={
          template.currentVersion === 0
            ? "A new form, not saved yet: add its sections and questions, then save it as version 1. It can be sent to clients once saved."
            : `Version ${template.currentVersion}. Saving makes version ${template.currentVersion + 1}; forms already sent or signed keep their version.`
        }
        actions={
          <Link href="/forms" className="inline-flex min-h-11 items-center text-sm text-accent-700 underline">
            ← All forms
          </Link>
        }
      />
      <div role="group" aria-label="Editor view" className="mb-4 flex gap-2">
        <Button
          type="button"
          variant={preview ? "secondary" : "primary"}
          aria-pressed={!preview}
          onClick={() => setPreview(null)}
        >
          Edit
        </Button>
        <Button
          type="button"
          variant={preview ? "primary" : "secondary"}
          aria-pressed={Boolean(preview)}
          onClick={() => void showPreview()}
        >
          Preview as the client sees it
        </Button>
      </div>
      {stale ? (
        <div className="mb-4">
          <Notice tone="warning" title="Not saved: someone else saved this form first" testId="form-stale">
            {save.error?.message} Loading their version replaces your unsaved changes.{" "}
            <Button type="button" variant="secondary" busy={reload.isPending} onClick={() => reload.mutate()}>
              Load the saved version
            </Button>
          </Notice>
        </div>
      ) : null}
      {saved ? (
        <div className="mb-4">
          <Notice tone="success" testId="form-saved">
            Saved as version {saved}.
          </Notice>
        </div>
      ) : null}
      {preview ? (
        <section aria-label="Preview" className="mx-auto max-w-md rounded-lg border border-line bg-white p-4 shadow-sm">
          <p className="mb-3 text-sm text-muted">Preview of your unsaved changes. Nothing is sent.</p>
          <h2 className="mb-3 text-2xl font-semibold tracking-tight">{preview.title}</h2>
          <FillForm
            preview
            form={{
              id: template.id,
              title: preview.title,
              version: 0,
              status: "pending",
              clinicName,
              definition: preview,
            }}
          />
        </section>
      ) : null}
      <form
        noValidate
        hidden={Boolean(preview)}
        aria-label="Form editor"
        onSubmit={(e) => void submit(e)}
        className="space-y-6 pb-24"
      >
        <div className="grid gap-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:grid-cols-2">
          <Field label="Form title" error={errors.title?.message} {...form.register("title")} />
          <SelectField label="Kind of form" error={errors.kind?.message} {...form.register("kind")}>
            {FORM_KINDS.map((k) => (
              <option key={k} value={k}>
                {FORM_KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Introduction (optional)"
            hint="Shown above the first section: what the form is for, in plain words."
            className="sm:col-span-2"
            error={errors.intro?.message}
            {...form.register("intro")}
          />
        </div>
        {sections.fields.map((s, si) => (
          <SectionEditor
            key={s._key}
            form={form}
            index={si}
            count={sections.fields.length}
            onMove={sections.move}
            onRemove={() => sections.remove(si)}
          />
        ))}
        {sectionsError ? <p className="text-sm text-danger">{sectionsError}</p> : null}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            sections.append(blankSection(allIds(form.getValues())), {
              focusName: `sections.${sections.fields.length}.title`,
            })
          }
        >
          Add a section
        </Button>
        <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-line bg-white/95 px-4 py-3">
          <Button type="submit" busy={save.isPending}>
            Save as version {template.currentVersion + 1}
          </Button>
          <span className="text-sm text-muted" aria-live="polite">
            {isSubmitted && !isValid
              ? "Some fields need attention: they are marked in red."
              : isDirty
                ? "Unsaved changes"
                : "No unsaved changes"}
          </span>
          {save.isError && !stale ? (
            <Notice tone="danger" testId="form-save-error">
              {save.error instanceof ApiError && save.error.status === 400
                ? "Not saved: some fields need attention. They are marked in red."
                : save.error.message}
            </Notice>
          ) : null}
          {reload.isError ? <Notice tone="danger">{reload.error.message}</Notice> : null}
        </div>
      </form>
    </>
  );
}
