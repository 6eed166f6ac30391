import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/** The text of every page, and whether any page paints an image, read by Mozilla's pdf.js. */
async function readPdf(bytes: Buffer) {
  const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = "";
  let images = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    text += (await page.getTextContent()).items.map((it) => ("str" in it ? it.str : "")).join(" ") + "\n";
    images += (await page.getOperatorList()).fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
  }
  return { text, images };
}

test("a client draws their signature on a phone with a pointer; the therapist sees the signed form and its PDF", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const email = `drawn.${suffix}@example.test`;
  const staffCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffCtx.newPage();
  await signInAs(staff, clinic.therapist);
  const client = await (
    await staff.request.post("/api/clients", { data: { firstName: "Dana", lastName: `Drawn${suffix}`, email } })
  ).json();
  const invite = await (await staff.request.post(`/api/clients/${client.id}/invitation`, { data: { email } })).json();
  const consent = await (
    await staff.request.post("/api/forms/templates", { data: { seedKey: "consent_mtrp" } })
  ).json();
  const sent = await staff.request.post(`/api/clients/${client.id}/forms`, { data: { templateIds: [consent.id] } });
  expect(sent.status(), await sent.text()).toBe(201);

  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneCtx.newPage();
  await phone.goto(new URL(invite.link).pathname);
  await phone.getByLabel("Your name").fill("Dana Drawn");
  await phone.getByLabel("Choose a password").fill("a long enough passphrase");
  await phone.getByLabel("Repeat the password").fill("a long enough passphrase");
  await phone.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(phone).toHaveURL(/\/portal$/);
  await phone.goto("/portal/forms");
  await expectAccessible(phone);
  await phone.getByRole("link", { name: "Fill in “Consent to manual trigger point therapy”" }).click();
  await phone
    .getByRole("group", { name: /I have read the description above/ })
    .getByLabel("Yes")
    .check();
  await phone
    .getByRole("group", { name: /I can ask for less pressure/ })
    .getByLabel("Yes")
    .check();
  await phone.getByLabel("Your full name").fill("Dana Drawn");

  // Sending without a drawing is refused beside the pad.
  await phone.getByRole("button", { name: "Sign and send" }).click();
  await expect(phone.getByText("Draw your signature in the box.")).toBeVisible();

  // Draw a signature with the pointer: two strokes of many small moves, like a hand would.
  const pad = phone.getByLabel("Signature pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [
    [
      [0.1, 0.7],
      [0.2, 0.3],
      [0.3, 0.7],
      [0.4, 0.3],
      [0.5, 0.7],
    ],
    [
      [0.55, 0.5],
      [0.7, 0.45],
      [0.9, 0.55],
    ],
  ]) {
    await phone.mouse.move(...at(stroke[0]![0]!, stroke[0]![1]!));
    await phone.mouse.down();
    for (const [fx, fy] of stroke.slice(1)) await phone.mouse.move(...at(fx!, fy!), { steps: 8 });
    await phone.mouse.up();
  }
  await expect(phone.getByText("Draw your signature in the box.")).toHaveCount(0);
  await expectAccessible(phone);
  await phone.getByRole("button", { name: "Sign and send" }).click();
  await expect(phone.getByTestId("form-done")).toBeVisible();
  await expectAccessible(phone);
  await phoneCtx.close();

  // The therapist sees it signed, by drawing, with the PDF of what was signed.
  await staff.goto(`/clients/${client.id}/forms`);
  const row = staff.getByRole("listitem").filter({ hasText: "Consent to manual trigger point therapy" });
  await expect(row.getByText("Signed", { exact: true })).toBeVisible();
  await expectAccessible(staff);
  const requests = await (await staff.request.get(`/api/clients/${client.id}/forms`)).json();
  const requestId: string = requests.requests[0].id;
  const submission = await (await staff.request.get(`/api/clients/${client.id}/forms/${requestId}`)).json();
  expect(submission).toMatchObject({ signatureMethod: "drawn", signatureName: "Dana Drawn", source: "portal" });
  expect(submission.contentSha256).toMatch(/^[0-9a-f]{64}$/);

  const pdfHref = await row.getByRole("link", { name: /PDF of/ }).getAttribute("href");
  // The PDF is rendered by a background job: ask again until it is there.
  let pdf: Buffer = Buffer.alloc(0);
  await expect(async () => {
    const res = await staff.request.get(pdfHref!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    pdf = await res.body();
  }).toPass({ timeout: 60_000 });
  expect(pdf.length).toBeGreaterThan(1000);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text, images } = await readPdf(pdf);
  expect(text).toContain("Consent to manual trigger point therapy");
  expect(text).toContain("Signed by Dana Drawn");
  expect(text).not.toContain("Typed signature");
  expect(images, "the drawn signature is painted into the PDF").toBeGreaterThanOrEqual(1);
  await staffCtx.close();
});
