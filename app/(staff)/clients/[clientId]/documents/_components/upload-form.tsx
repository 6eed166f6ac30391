"use client";
import { useRef, useState, type FormEvent } from "react";
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
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_MB,
  PHOTO_VIEW_LABELS,
  PHOTO_VIEWS,
  type DocumentKind,
} from "@/lib/documents/schemas";

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
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DocumentKind>("posture_photo");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const upload = useMutation({
    // Raw form values: the server validates every field and answers with field errors.
    mutationFn: (body: unknown) =>
      call(ops.uploadClientDocument, { params: { clientId }, body: body as BodyOf<typeof ops.uploadClientDocument> }),
    onSuccess: (doc) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.list(clientId) });
      setDone(`Added “${doc.title}”.`);
    },
  });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const form = new FormData(e.currentTarget);
    const file = fileInput.current?.files?.[0];
    const next: Record<string, string> = {};
    if (!file) next.dataBase64 = "Choose a file.";
    else if (file.size > MAX_DOCUMENT_BYTES)
      next.dataBase64 = `The file is ${(Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1)} MB; the largest accepted is ${MAX_DOCUMENT_MB} MB.`;
    setErrors(next);
    if (!file || next.dataBase64) return;
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    try {
      await upload.mutateAsync({
        kind,
        title: String(form.get("title") ?? "").trim() || file.name,
        fileName: file.name,
        documentDate: String(form.get("documentDate") ?? ""),
        view: kind === "posture_photo" ? form.get("view") || null : null,
        tags,
        sharedWithClient: form.get("shared") === "on",
        dataBase64: await toBase64(file),
      });
      e.currentTarget?.reset();
    } catch (err) {
      if (err instanceof ApiError)
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, v[0] ?? ""])));
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      <Field
        ref={fileInput}
        type="file"
        name="file"
        label="File"
        accept={ACCEPT}
        hint={`PDF, JPEG, PNG, WebP or HEIC, up to ${MAX_DOCUMENT_MB} MB.`}
        error={errors.dataBase64}
        className="sm:col-span-2 lg:col-span-1"
      />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as DocumentKind)}
        error={errors.kind}
      >
        {DOCUMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {DOCUMENT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {kind === "posture_photo" ? (
        <SelectField label="View" name="view" defaultValue="front" error={errors.view}>
          {PHOTO_VIEWS.map((v) => (
            <option key={v} value={v}>
              {PHOTO_VIEW_LABELS[v]}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field label="Title" name="title" hint="Leave empty to use the file name." maxLength={200} error={errors.title} />
      <DateField label="Date" name="documentDate" defaultValue={today} required error={errors.documentDate} />
      <Field label="Tags" name="tags" hint="Separate with commas, e.g. posture, baseline." error={errors.tags} />
      <label className="flex min-h-11 items-center gap-2 text-sm text-ink">
        <input type="checkbox" name="shared" className="size-5" />
        Share with the client in the portal
      </label>
      <div className="flex items-end sm:col-span-2 lg:col-span-3">
        <Button type="submit" busy={upload.isPending}>
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
