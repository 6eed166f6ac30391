import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

// A 48×48 PNG (a ball on a light background).
const BALL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAjElEQVR42u3YsQ2AMBBDUW/AoJSsTEnBCGkpSAhR7uRIX/IArzqdrfs6rSJAgAA9su3Ha7JBNccUmYIowyyFUgZYytH0m5Sm6TQpU9NjUrLm07QOKE7TNi0CitY0TIAGQDmamgkQIECAuNRrgviH+KnngOxqkGNRdKzSjmOD4xxjOliZTnqssIAA/UkBx2B8TOEYibkAAAAASUVORK5CYII=",
  "base64",
);

test("a therapist adds an exercise with a picture, finds it by tool and region, and edits it", async ({
  page,
  clinic,
}) => {
  const name = `Adductor stick roll ${uniqueSuffix()}`;
  await signInAs(page, clinic.therapist);
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { name: "SMR exercise library" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add exercise" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a clinic exercise" });
  // The form checks with the API's own rules before sending anything.
  await dialog.getByRole("button", { name: "Add exercise" }).click();
  await expect(dialog.getByText("Give the exercise a name of at least 3 characters.")).toBeVisible();
  await expect(dialog.getByText("Choose at least one target muscle.")).toBeVisible();
  await expectAccessible(page);

  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Tool").selectOption("massage_stick");
  await dialog.getByLabel("Find a muscle").fill("adductor");
  await dialog.getByRole("checkbox", { name: "Adductor longus and brevis" }).check();
  await dialog
    .getByLabel("Steps")
    .fill(
      "Sit with one knee bent out to the side.\nRoll the stick along the inner thigh from knee to groin.\nPause on tender spots.",
    );
  await dialog.getByLabel("Rolling over the muscle").check();
  await dialog.getByLabel("Rolling time per muscle (seconds)").fill("90");
  await dialog.getByLabel("Safe range from (seconds)").fill("30");
  await dialog.getByLabel("Safe range to (seconds)").fill("120");
  await dialog.getByLabel("Days per week").fill("5");
  await dialog.getByLabel("Cautions").fill("Keep off the groin crease.");
  const picture = dialog.getByLabel("Picture (optional)");
  await picture.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") });
  await expect(dialog.getByText("Use a PNG, JPEG or WebP picture.")).toBeVisible();
  await picture.setInputFiles({ name: "ball.png", mimeType: "image/png", buffer: BALL_PNG });
  await expect(dialog.getByRole("img", { name: "Preview of the exercise picture" })).toBeVisible();
  await page.screenshot({ path: "/tmp/exercises-dialog.png", fullPage: false });
  await dialog.getByRole("button", { name: "Add exercise" }).click();
  await expect(page.getByTestId("exercise-saved")).toContainText(name);
  await expect(dialog).toBeHidden();

  // Found by tool and body region, with the Clinic badge and its picture.
  await page.getByLabel("Tool").selectOption("massage_stick");
  await page.getByLabel("Body region").selectOption("thigh");
  await page.getByRole("button", { name: "Show exercises" }).click();
  await expect(page).toHaveURL(/tool=massage_stick.*region=thigh/);
  const list = page.getByRole("list", { name: "Exercises" });
  const card = list.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(card.getByText("Clinic", { exact: true })).toBeVisible();
  await expect(card).toContainText("Roll 90 s per muscle (30–120 s) · 2 sets · once a day · 5 days a week");
  const thumb = card.getByRole("img", { name: `Picture for ${name}` });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expect(list.getByRole("heading", { name: "Thigh massage-stick roll" })).toBeVisible();
  await page.screenshot({ path: "/tmp/exercises-list.png", fullPage: false });

  // Another region leaves it out.
  await page.getByLabel("Body region").selectOption("lower_leg");
  await page.getByRole("button", { name: "Show exercises" }).click();
  await expect(page).toHaveURL(/region=lower_leg/);
  await expect(list.getByRole("heading", { name })).toHaveCount(0);
  await page.getByLabel("Body region").selectOption("thigh");
  await page.getByRole("button", { name: "Show exercises" }).click();

  // Edit; a save based on a stale version is refused with the other person's version offered.
  await card.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await expect(edit.getByLabel("Name")).toHaveValue(name);
  const listed = await (await page.request.get("/api/exercises?tool=massage_stick&region=thigh")).json();
  const mine = listed.find((e: { name: string }) => e.name === name);
  const meanwhile = await page.request.patch(`/api/exercises/${mine.clinicExerciseId}`, {
    data: { cautions: ["Keep off the groin crease.", "Go gently."], version: mine.version },
  });
  expect(meanwhile.status()).toBe(200);
  await edit.getByLabel("Sets").fill("3");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("Someone else saved this exercise first")).toBeVisible();
  await edit.getByRole("button", { name: "Load their version" }).click();
  await expect(edit.getByLabel("Cautions")).toHaveValue("Keep off the groin crease.\nGo gently.");
  await edit.getByLabel("Name").fill(`${name} (slow)`);
  await edit.getByLabel("Sets").fill("3");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("exercise-saved")).toContainText(`${name} (slow)`);
  const edited = list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${name} (slow)` }) });
  await expect(edited).toContainText("3 sets");
  await expectAccessible(page);

  // The seeded library has no edit controls.
  const seeded = list
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Thigh massage-stick roll" }) });
  await expect(seeded.getByRole("button", { name: /Edit/ })).toHaveCount(0);
});
