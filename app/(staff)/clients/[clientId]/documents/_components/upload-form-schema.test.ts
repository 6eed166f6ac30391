import { describe, expect, it } from "vitest";
import { uploadForm, type UploadInput } from "./upload-form-schema";

const files = (...list: File[]) => list as unknown as FileList;
const values = (patch: Partial<UploadInput> = {}): UploadInput => ({
  file: files(new File(["%PDF-1.7"], "letter.pdf", { type: "application/pdf" })),
  kind: "referral_letter",
  view: null,
  title: "",
  documentDate: "2026-11-02",
  tags: "",
  sharedWithClient: false,
  ...patch,
});
const messages = (v: UploadInput) =>
  Object.fromEntries((uploadForm.safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the upload form's schema", () => {
  it("needs a file, and says the size of one that is too large", () => {
    expect(messages(values({ file: files() }))).toEqual({ file: "Choose a file." });
    const big = new File([new Uint8Array(11 * 1024 * 1024)], "scan.pdf");
    expect(messages(values({ file: files(big) }))).toEqual({
      file: "The file is 11.0 MB; the largest accepted is 10 MB.",
    });
  });

  it("leaves the title optional but keeps the request's limit, and splits the tags as typed", () => {
    const ok = uploadForm.parse(values({ tags: " GP, referral,, gp " }));
    expect(ok.title).toBe("");
    expect(ok.tags).toEqual(["gp", "referral"]);
    expect(messages(values({ title: "x".repeat(201) }))).toEqual({ title: "Keep the title under 200 characters." });
  });

  it("keeps the request's rule that only posture photos have a view", () => {
    expect(uploadForm.safeParse(values({ kind: "posture_photo", view: "front" })).success).toBe(true);
    expect(messages(values({ documentDate: "" })).documentDate).toBeTruthy();
  });
});
