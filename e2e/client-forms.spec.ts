import PDFDocument from "pdfkit";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

async function letterPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  doc.fontSize(24).text("Referral letter", 72, 72);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

test("the upload form checks the file before sending, then adds the document with its tags", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await signInAs(page, clinic.therapist);
  const client = await (
    await page.request.post("/api/clients", { data: { firstName: "Uma", lastName: `Upload${uniqueSuffix()}` } })
  ).json();
  await page.goto(`/clients/${client.id}/documents`);
  const form = page.locator("form").filter({ has: page.getByLabel("File") });

  // Nothing chosen: said beside the file input, which gets focus, before any request.
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByText("Choose a file.")).toBeVisible();
  await expect(form.getByLabel("File")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("File")).toBeFocused();
  await expectAccessible(page);

  await form
    .getByLabel("File")
    .setInputFiles({ name: "gp-letter.pdf", mimeType: "application/pdf", buffer: await letterPdf() });
  await form.getByLabel("Kind").selectOption({ label: "Referral letter" });
  await expect(form.getByLabel("View")).toHaveCount(0);
  await form.getByLabel("Tags").fill("GP, referral");
  await form.getByRole("button", { name: "Upload" }).click();
  // An empty title takes the file's name.
  await expect(form.getByText("Added “gp-letter.pdf”.")).toBeVisible();
  await expect(form.getByText("Choose a file.")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Documents" })).toContainText("gp-letter.pdf");
  // The kind stays for the next one; the rest starts again.
  await expect(form.getByLabel("Kind")).toHaveValue("referral_letter");
  await expect(form.getByLabel("Tags")).toHaveValue("");

  const list = await (await page.request.get(`/api/clients/${client.id}/documents`)).json();
  const doc = list.documents.find((d: { title: string }) => d.title === "gp-letter.pdf");
  expect(doc).toMatchObject({ kind: "referral_letter", tags: ["gp", "referral"], sharedWithClient: false });
});

test("refunding credit checks the typed amount first, then pays it back", async ({ page, clinic }) => {
  await signInAs(page, clinic.admin);
  const client = await (
    await page.request.post("/api/clients", { data: { firstName: "Rex", lastName: `Refund${uniqueSuffix()}` } })
  ).json();
  // A payment with no invoice to go to is credit on the account.
  const paid = await page.request.post("/api/payments", {
    data: { clientId: client.id, method: "cash", amountMinor: 3000 },
  });
  expect(paid.status(), await paid.text()).toBe(201);
  await page.goto(`/clients/${client.id}/account`);
  await expect(page.getByTestId("account-credit")).toContainText("£30.00");

  const amount = page.getByLabel("Amount (GBP)");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByText("Enter an amount.")).toBeVisible();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toBeFocused();

  await amount.fill("12.50");
  await page.getByLabel("Paid back by").selectOption("bank_transfer");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByTestId("account-credit")).toContainText("£17.50");
  await expect(amount).toHaveValue("");
});
