"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import Image from "next/image";
import { useId, useState } from "react";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from "@/lib/programmes/exercises/schemas";
import { Button } from "@/app/_components/ui/button";

export interface PickedImage {
  contentType: ImageType;
  dataBase64: string;
  /** A data: URL of the same bytes, for the preview. */
  previewUrl: string;
}

/** What the picture should become when the exercise is saved. */
export type ImageChange = { kind: "keep" } | { kind: "set"; image: PickedImage } | { kind: "remove" };

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Chooses a picture with a preview. Type and size are checked here for a quick answer; the
 * server checks again, including that the bytes really are the declared kind of picture.
 */
export function ImagePicker({
  currentUrl,
  change,
  onChange,
  error,
}: {
  currentUrl: string | null;
  change: ImageChange;
  onChange: (c: ImageChange) => void;
  error?: string;
}) {
  const id = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const shown = change.kind === "set" ? change.image.previewUrl : change.kind === "keep" ? currentUrl : null;
  const message = localError ?? error;
  const pick = async (file: File | undefined) => {
    setLocalError(null);
    if (!file) return;
    if (!(IMAGE_TYPES as readonly string[]).includes(file.type))
      return setLocalError("Use a PNG, JPEG or WebP picture.");
    if (file.size > MAX_IMAGE_BYTES) return setLocalError("The picture is larger than 2 MB.");
    const url = await readAsDataUrl(file);
    onChange({
      kind: "set",
      image: { contentType: file.type as ImageType, dataBase64: url.slice(url.indexOf(",") + 1), previewUrl: url },
    });
  };
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        Picture (optional)
      </label>
      <div className="flex flex-wrap items-center gap-4">
        {shown ? (
          <Image
            src={shown}
            alt="Preview of the exercise picture"
            width={96}
            height={96}
            unoptimized
            className="size-24 rounded-md border border-line object-cover"
          />
        ) : (
          <div
            aria-hidden
            className="grid size-24 place-items-center rounded-md border border-dashed border-stone-300 text-xs text-muted"
          >
            No picture
          </div>
        )}
        <div className="space-y-2">
          <input
            id={id}
            type="file"
            accept={IMAGE_TYPES.join(",")}
            aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
            aria-invalid={message ? true : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              void pick(file);
            }}
            className="block text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-line file:bg-white file:px-4 file:text-sm file:font-medium"
          />
          {shown ? (
            <Button type="button" variant="ghost" onClick={() => onChange({ kind: "remove" })}>
              Remove picture
            </Button>
          ) : null}
        </div>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        PNG, JPEG or WebP, up to 2 MB. Clients see it with the exercise in their portal.
      </p>
      {message ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {message}
        </p>
      ) : null}
    </div>
  );
}
