"use client";
import "@/app/_lib/zod-browser";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops, ApiError, type BodyOf } from "@/app/_lib/api-client";
import { documentKeys } from "@/app/_lib/queries/documents";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { Notice } from "@/app/_components/ui/feedback";
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  MAX_DOCUMENT_MB,
  PHOTO_VIEW_LABELS,
  PHOTO_VIEWS,
} from "@/lib/documents/schemas";
import { uploadForm, type UploadInput, type UploadValues } from "./upload-form-schema";

const ACCEPT = "application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif";

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

/** Adds a document: the server reads the type from the bytes; size is also checked here first. */
export function UploadForm({ clientId, today }: { clientId: string; today: string }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const defaults: UploadInput = {
    file: undefined,
    kind: "posture_photo",
    view: "front",
    title: "",
    documentDate: today,
    tags: "",
    sharedWithClient: false,
  };
  const form = useForm<UploadInput, unknown, UploadValues>({
    resolver: zodResolver(uploadForm),
    defaultValues: defaults,
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const upload = useMutation({
    mutationFn: (body: BodyOf<typeof ops.uploadClientDocument>) =>
      call(ops.uploadClientDocument, { params: { clientId }, body }),
    onSuccess: (doc) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.list(clientId) });
      setDone(`Added “${doc.title}”.`);
    },
  });

  async function submit(v: UploadValues) {
    const file = v.file;
    try {
      await upload.mutateAsync({
        kind: v.kind,
        title: v.title || file.name,
        fileName: file.name,
        documentDate: v.documentDate,
        view: v.kind === "posture_photo" ? (v.view ?? null) : null,
        tags: v.tags,
        sharedWithClient: v.sharedWithClient,
        dataBase64: await toBase64(file),
      });
      // The kind stays as chosen, for the next of several photos; the rest starts again.
      form.reset({ ...defaults, kind: v.kind });
    } catch (err) {
      if (!(err instanceof ApiError)) return;
      // The file's name and bytes are one field here: the file input.
      for (const [name, messages] of Object.entries(err.fieldErrors)) {
        const field = name === "dataBase64" || name === "fileName" ? "file" : name;
        if (messages[0]) form.setError(field as keyof UploadInput, { message: messages[0] });
      }
    }
  }

  const e = form.formState.errors;
  // A bad tag is reported at its position in the list; the field shows the first.
  const tagError = e.tags?.message ?? (Array.isArray(e.tags) ? e.tags.find(Boolean)?.message : undefined);
  return (
    <form
      onSubmit={(ev) => {
        setDone(null);
        return form.handleSubmit(submit)(ev);
      }}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <Field
        type="file"
        label="File"
        accept={ACCEPT}
        hint={`PDF, JPEG, PNG, WebP or HEIC, up to ${MAX_DOCUMENT_MB} MB.`}
        error={e.file?.message}
        className="sm:col-span-2 lg:col-span-1"
        {...form.register("file")}
      />
      <SelectField label="Kind" error={e.kind?.message} {...form.register("kind")}>
        {DOCUMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {DOCUMENT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {kind === "posture_photo" ? (
        <SelectField label="View" error={e.view?.message} {...form.register("view")}>
          {PHOTO_VIEWS.map((v) => (
            <option key={v} value={v}>
              {PHOTO_VIEW_LABELS[v]}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field
        label="Title"
        hint="Leave empty to use the file name."
        maxLength={200}
        error={e.title?.message}
        {...form.register("title")}
      />
      <Controller
        control={form.control}
        name="documentDate"
        render={({ field }) => (
          <DateField
            label="Date"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            required
            error={e.documentDate?.message}
          />
        )}
      />
      <Field
        label="Tags"
        hint="Separate with commas, e.g. posture, baseline."
        error={tagError}
        {...form.register("tags")}
      />
      <label className="flex min-h-11 items-center gap-2 text-sm text-ink">
        <input type="checkbox" className="size-5" {...form.register("sharedWithClient")} />
        Share with the client in the portal
      </label>
      <div className="flex items-end sm:col-span-2 lg:col-span-3">
        {/* Busy from the first moment: reading a large file takes a while before the request starts. */}
        <Button type="submit" busy={form.formState.isSubmitting || upload.isPending}>
          Upload
        </Button>
      </div>
      {upload.isError && !(upload.error instanceof ApiError && Object.keys(upload.error.fieldErrors).length) ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <Notice tone="danger" testId="upload-error">
            {upload.error.message}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <Notice tone="success">{done}</Notice>
        </div>
      ) : null}
    </form>
  );
}
