import type { APIRequestContext, Browser } from "@playwright/test";
import { test, expect, apiLogin, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/*
 * Clinical reference v2 as clinicians and clients see it: PGIC and GROC answered with every label
 * (and PGIC's version and direction on screen), meaningful change with the numbers behind each
 * badge, an ODI with too many skipped sections kept without a score and the reason shown, and the
 * pressure scale with the right stop rules in the builder and the portal.
 */
const PASSWORD = "a long enough passphrase";
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

async function newPortalClient(browser: Browser, staff: APIRequestContext, suffix: string) {
  const email = `reference.v2.${suffix}@example.test`;
  const created = await staff.post("/api/clients", { data: { firstName: "Rhea", lastName: `Refv${suffix}`, email } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const invite = await staff.post(`/api/clients/${id}/invitation`, { data: {} });
  expect(invite.status()).toBe(201);
  const token = new URL(((await invite.json()) as { link: string }).link).pathname.split("/").pop()!;
  const anon = await browser.newContext();
  const accepted = await anon.request.post("/api/invitations/accept", {
    data: { token, name: "Rhea Refv", password: PASSWORD, confirmPassword: PASSWORD },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await anon.close();
  return { id, email };
}

/** ODI answers: the first `answered` sections at `value`, the rest skipped. */
const odi = (answered: number, value: number) => {
  const ids = [
    "pain_intensity",
    "personal_care",
    "lifting",
    "walking",
    "sitting",
    "standing",
    "sleeping",
    "sex_life",
    "social_life",
    "travelling",
  ];
  return Object.fromEntries(ids.map((id, n) => [id, n < answered ? value : null]));
};

test("reference v2: labelled PGIC/GROC, meaningful change with its numbers, unscored ODI, pressure scale and stop rules", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const staff = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await apiLogin(staff.request, clinic.therapist);
  const client = await newPortalClient(browser, staff.request, suffix);
  const desk = await staff.newPage();

  // PGIC on the clinic's tablet: all seven labels, and which version and direction.
  await desk.goto(`/clients/${client.id}/questionnaires/pgic`);
  await expect(desk.getByText(/1 = very much improved … 4 = no change … 7 = very much worse/)).toBeVisible();
  const pgic = desk.getByRole("radiogroup");
  for (const label of [
    "Very much improved",
    "Much improved",
    "Minimally improved",
    "No change",
    "Minimally worse",
    "Much worse",
    "Very much worse",
  ])
    await expect(pgic.getByRole("radio", { name: label, exact: true })).toBeVisible();
  await expectAccessible(desk);
  await pgic.getByRole("radio", { name: "Much improved", exact: true }).check();
  await desk.getByRole("button", { name: /Send|Save/ }).click();
  await expect(desk.getByText("You answered 2: “Much improved”.")).toBeVisible();

  // GROC: fifteen labelled answers from −7 to +7.
  await desk.goto(`/clients/${client.id}/questionnaires/groc`);
  const groc = desk.getByRole("radiogroup");
  await expect(groc.getByRole("radio")).toHaveCount(15);
  await expect(groc.getByRole("radio", { name: /A very great deal worse/ })).toBeVisible();
  await groc.getByRole("radio", { name: /Moderately better/ }).check();
  await expectAccessible(desk);
  await desk.getByRole("button", { name: /Send|Save/ }).click();
  await expect(desk.getByText(/You answered \+4: “Moderately better”\./)).toBeVisible();

  // ODI via the API (its licensed wording is the clinic's): 20 → 14 is not meaningful (v2), and a
  // response with two sections skipped is kept without a score.
  const { items } = (await (await staff.request.get("/api/questionnaires")).json()).find(
    (i: { id: string }) => i.id === "odi",
  ) as { items: { id: string; title: string }[] };
  const wording = Object.fromEntries(
    items.map((i) => [i.id, { prompt: `Licensed ${i.title}`, options: { "0": "0" } }]),
  );
  expect((await staff.request.put("/api/questionnaires/odi/wording", { data: { items: wording } })).ok()).toBeTruthy();
  const post = (answers: Record<string, number | null>) =>
    staff.request.post(`/api/clients/${client.id}/questionnaire-responses`, { data: { instrumentId: "odi", answers } });
  // 10 sections at 1 = 10/50 → 20%; then 7 at 1 = 7/50 → 14%.
  expect((await post(odi(10, 1))).status()).toBe(201);
  expect((await post({ ...odi(10, 1), pain_intensity: 0, personal_care: 0, lifting: 0 })).status()).toBe(201);
  const unscored = await post(odi(8, 2));
  expect(unscored.status()).toBe(201);
  expect(await unscored.json()).toMatchObject({ score: null });

  await desk.goto(`/clients/${client.id}/questionnaires`);
  const odiCard = desk.getByRole("region", { name: "Oswestry Disability Index (ODI)" });
  await expect(odiCard.getByTestId("mcid-status")).toHaveText(
    "○ Not reached yet: −6 points < 10 (30% of baseline 20 = 6; MDC 10) (a fall of at least the larger of the MDC (10 points) and 30% of the baseline).",
  );
  await expect(odiCard.getByTestId("unscored")).toContainText(
    "2 sections were skipped (Social life, Travelling); at most 1 can be skipped for the score to be pro-rated.",
  );
  const pgicCard = desk.getByRole("region", { name: "Patient Global Impression of Change (PGIC)" });
  await expect(pgicCard.getByTestId("mcid-status")).toContainText("✓ Reached: 2 Much improved ≤ 2 Much improved");
  await expect(pgicCard).toContainText("1 = very much improved");
  await expectAccessible(desk);

  // The builder: the pressure scale and the clinical stop rules.
  await desk.goto(`/clients/${client.id}/programmes/new`);
  await expect(desk.getByRole("heading", { name: /New programme for Rhea/ })).toBeVisible();
  await desk.getByLabel("Search exercises").fill("upper trapezius ball");
  await desk
    .getByRole("list", { name: "Library exercises" })
    .getByRole("button", { name: "Add Upper trapezius ball press against a wall" })
    .click();
  const scale = desk.getByRole("region", { name: /Pressure words on the 0–10 discomfort scale/ });
  await expect(scale).toContainText("Light: ≤ 3/10");
  await expect(scale).toContainText("Usual: 4–6/10");
  await expect(scale).toContainText("Too much: ≥ 7/10");
  const item = desk.getByRole("group", { name: "1. Upper trapezius ball press against a wall" });
  await item.getByText("Stop rules (clinical) and what the client sees").click();
  await expect(item.getByTestId("clinician-stop-rules")).toContainText("paraesthesia");
  // The reference's red flags and endangerment zones, one click away in the builder.
  await desk.getByText("Red flags and places never to press").click();
  await expect(desk.getByRole("region", { name: "Refer before prescribing (red flags)" })).toContainText("DVT");
  await expect(desk.getByRole("region", { name: "Never press on (endangerment zones)" })).toContainText(
    "Back of the knee",
  );
  await expectAccessible(desk);

  // The portal: plain stop rules and the same scale, on a phone.
  const prescribed = await staff.request.post(`/api/clients/${client.id}/programmes`, {
    data: {
      title: `Neck ${suffix}`,
      items: [
        {
          exerciseKey: "ball_upper_trap_wall",
          dosage: {
            tool: "massage_ball",
            technique: "sustained_pressure",
            intensity: 4,
            secondsPerSpot: 60,
            spots: 2,
            sets: 2,
            restSeconds: 30,
            sessionsPerDay: 1,
            daysOfWeek: EVERY_DAY,
          },
        },
      ],
    },
  });
  expect(prescribed.status(), await prescribed.text()).toBe(201);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInAs(page, client.email, PASSWORD);
  const view = await (await page.request.get("/api/portal/programme")).json();
  const itemId = view.programmes[0].items[0].itemId as string;
  await page.goto(`/portal/programme/${itemId}`);
  const press = page.getByRole("region", { name: "How firm to press" });
  await expect(press).toContainText("Light: ≤ 3/10");
  await expect(press).toContainText("no more than 3 out of 10 discomfort");
  await expect(page.getByRole("heading", { name: "Stop at once if" })).toBeVisible();
  await expect(page.getByText(/while working on your head or neck/)).toBeVisible();
  await expect(page.getByText(/paraesthesia/)).toHaveCount(0);
  await expectAccessible(page);

  await phone.close();
  await staff.close();
});
