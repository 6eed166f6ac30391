import "@/app/_lib/zod-browser";
import { z } from "zod";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB, uploadDocumentBody } from "@/lib/documents/schemas";

const body = uploadDocumentBody.shape;

/**
 * The upload form: the request's own fields, with the file as chosen (read to base64 only once
 * valid), the title optional (empty means the file's name) and the tags as typed, comma-separated.
 */
export const uploadForm = z.object({
  file: z.custom<FileList | undefined>().transform((list, ctx) => {
    const file = list?.[0];
    if (!file) {
      ctx.addIssue({ code: "custom", message: "Choose a file." });
      return z.NEVER;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      const mb = (Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1);
      ctx.addIssue({
        code: "custom",
        message: `The file is ${mb} MB; the largest accepted is ${MAX_DOCUMENT_MB} MB.`,
      });
      return z.NEVER;
    }
    return file;
  }),
  kind: body.kind,
  view: body.view,
  title: z
    .string()
    .trim()
    .superRefine((title, ctx) => {
      if (!title) return;
      for (const issue of body.title.safeParse(title).error?.issues ?? [])
        ctx.addIssue({ code: "custom", message: issue.message });
    }),
  documentDate: body.documentDate,
  tags: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(body.tags.unwrap()),
  sharedWithClient: z.boolean(),
});
export type UploadInput = z.input<typeof uploadForm>;
export type UploadValues = z.output<typeof uploadForm>;
