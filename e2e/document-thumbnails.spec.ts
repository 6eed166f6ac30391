import PDFDocument from "pdfkit";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/** A one-page letter made with the app's PDF library: a heading and a dark block. */
async function letterPdf(): Promise<string> {
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  doc.fontSize(24).text("Referral letter", 72, 72);
  doc.rect(72, 200, 300, 150).fill("#223355");
  doc.end();
  await done;
  return Buffer.concat(chunks).toString("base64");
}

test("a referral letter's first page appears as its thumbnail in the Documents tab; a broken PDF shows the PDF mark", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await signInAs(page, clinic.therapist);
  const client = await (
    await page.request.post("/api/clients", { data: { firstName: "Lee", lastName: `Letters${uniqueSuffix()}` } })
  ).json();
  const upload = async (title: string, dataBase64: string) => {
    const res = await page.request.post(`/api/clients/${client.id}/documents`, {
      data: { kind: "referral_letter", title, documentDate: "2026-11-02", fileName: "letter.pdf", dataBase64 },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).id as string;
  };
  const letter = await upload("GP referral", await letterPdf());
  await upload("Damaged scan", Buffer.from(`%PDF-1.7\n${"A".repeat(2000)}`).toString("base64"));

  // The server's queue draws it shortly after the upload.
  await expect
    .poll(
      async () => {
        const list = await (await page.request.get(`/api/clients/${client.id}/documents`)).json();
        return list.documents.find((d: { id: string }) => d.id === letter).hasThumbnail;
      },
      { timeout: 60_000 },
    )
    .toBe(true);

  await page.goto(`/clients/${client.id}/documents`);
  const tiles = page.getByRole("list", { name: "Documents" });
  const thumb = tiles.getByRole("listitem").filter({ hasText: "GP referral" }).locator("img");
  await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => el.complete && el.naturalHeight)).toBe(320);
  const damaged = tiles.getByRole("listitem").filter({ hasText: "Damaged scan" });
  await expect(damaged.locator("img")).toHaveCount(0);
  await expect(damaged.getByText("PDF", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/document-thumbnails.png", fullPage: true });
});
