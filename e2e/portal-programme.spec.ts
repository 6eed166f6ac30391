import type { APIRequestContext, Browser } from "@playwright/test";
import { test, expect, apiLogin, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const PASSWORD = "a long enough passphrase";
// The clinic's scope wording, whichever it has chosen.
const WORDING = /^(Self-care recommendations|Home exercise programme)$/;

/**
 * A client of this run's own, with a portal login: the clinic's portal client may get
 * programmes from another test running at the same time, which would change this one's counts.
 */
async function newPortalClient(browser: Browser, staff: APIRequestContext, suffix: string) {
  const email = `home.programme.${suffix}@example.test`;
  const created = await staff.post("/api/clients", {
    data: { firstName: "Robin", lastName: `Homework${suffix}`, email },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const invite = await staff.post(`/api/clients/${id}/invitation`, { data: {} });
  expect(invite.status()).toBe(201);
  const token = new URL(((await invite.json()) as { link: string }).link).pathname.split("/").pop()!;
  const anon = await browser.newContext();
  const accepted = await anon.request.post("/api/invitations/accept", {
    data: { token, name: "Robin Homework", password: PASSWORD, confirmPassword: PASSWORD },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await anon.close();
  return { id, email, name: `Robin Homework${suffix}` };
}

test("a therapist prescribes three exercises; the client runs a timer on a phone, ticks them off, and the therapist sees it", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const staff = await browser.newContext();
  await apiLogin(staff.request, clinic.therapist);
  const client = await newPortalClient(browser, staff.request, suffix);

  // Three exercises, one per technique, every day so that today is always a programme day.
  const prescribed = await staff.request.post(`/api/clients/${client.id}/programmes`, {
    data: {
      title: `Neck and legs ${suffix}`,
      notes: "Little and often beats a lot once a week.",
      items: [
        {
          exerciseKey: "ball_upper_trap_wall",
          note: "Right side first.",
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
        {
          exerciseKey: "roll_calves",
          dosage: {
            tool: "foam_roller",
            technique: "rolling",
            intensity: 4,
            secondsPerMuscle: 60,
            sets: 2,
            restSeconds: 30,
            sessionsPerDay: 1,
            daysOfWeek: EVERY_DAY,
          },
        },
        {
          exerciseKey: "gun_glutes",
          dosage: {
            tool: "percussive_gun",
            attachment: "round",
            technique: "percussion",
            intensity: 3,
            secondsPerMuscle: 60,
            sets: 1,
            restSeconds: 0,
            sessionsPerDay: 1,
            daysOfWeek: EVERY_DAY,
          },
        },
      ],
    },
  });
  expect(prescribed.status(), await prescribed.text()).toBe(201);

  // The client, on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInAs(page, client.email, PASSWORD);
  await page.clock.install();
  await page.goto("/portal");
  const card = page.getByRole("region", { name: WORDING });
  const today = card.getByRole("list", { name: "Today's exercises" });
  await expect(today.getByRole("listitem")).toHaveCount(3);
  const trap = today.getByRole("listitem").filter({ hasText: "Upper trapezius ball press" });
  await expect(trap).toContainText("Hold each spot 60 s · 2 spots · 2 sets · rest 30 s · intensity about 4/10");
  await expect(trap).toContainText("Done 0 of 1 today");
  await expect(card).toContainText("This week so far you have done 0 of 3 sessions.");
  await page.screenshot({ path: "/tmp/portal-home.png", fullPage: true });
  await expectAccessible(page);

  // Open the first exercise and run its timer, fast-forwarding the page's clock.
  await trap.getByRole("link", { name: /Start/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: /Upper trapezius ball press/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stop at once if" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Never press on" })).toContainText("Front and sides of the neck");
  await expect(page.getByText("Right side first.")).toBeVisible();
  await expectAccessible(page);
  const timer = page.getByRole("region", { name: "Guided timer" });
  await expect(timer.getByRole("timer")).toHaveText("4:45");
  const start = timer.getByRole("button", { name: "Start" });
  await expect(start).toBeEnabled();
  for (const b of [start, timer.getByRole("button", { name: "Sound" })]) {
    const box = await b.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
  await start.tap();
  await expect(timer).toContainText("Get ready");
  await page.clock.fastForward(5_000 + 60_000 + 5_000 + 10_000);
  await expect(timer).toContainText("Spot 2 of 2 · Set 1 of 2");
  await expect(timer.getByRole("timer")).toHaveText("0:50");
  await timer.getByRole("button", { name: "Pause" }).tap();
  await page.clock.fastForward(120_000);
  await expect(timer.getByRole("timer")).toHaveText("0:50");
  await page.screenshot({ path: "/tmp/portal-timer.png", fullPage: true });
  await timer.getByRole("button", { name: "Resume" }).tap();
  await timer.getByRole("button", { name: /Skip/ }).tap();
  await expect(timer).toContainText("Rest");
  await expect(timer).toContainText("Next: set 2 of 2");
  await page.clock.fastForward(30_000 + 60_000 + 5_000 + 60_000 + 1_000);
  await expect(timer).toContainText("Session complete");

  // Tick it off with before/after scores.
  await timer.getByRole("button", { name: "Mark as done" }).tap();
  const form = page.getByRole("form", { name: "Mark as done" });
  await form
    .getByRole("radiogroup", { name: "How tender was the spot before?" })
    .getByRole("radio", { name: "6", exact: true })
    .tap();
  await form.getByRole("radiogroup", { name: "And after?" }).getByRole("radio", { name: "3", exact: true }).tap();
  await form.getByLabel("Anything to tell your therapist?").fill("Easier on the right");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page.getByTestId("completion-saved")).toContainText("Saved — well done. Done 1 of 1 today.");
  await page.getByRole("link", { name: "Back to today" }).tap();
  await expect(trap).toContainText("Done today");
  await expect(card).toContainText("This week so far you have done 1 of 3 sessions.");

  // The calf roll without the timer, reporting tingling: the stop rule shows before saving.
  await today.getByRole("listitem").filter({ hasText: "calf" }).getByRole("link", { name: /Start/ }).tap();
  await page.getByRole("button", { name: "Mark as done" }).last().tap();
  const form2 = page.getByRole("form", { name: "Mark as done" });
  await form2.getByLabel("I felt numbness, tingling or shooting pain").check();
  const alert = page.getByTestId("stop-rule-alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Stop this exercise now");
  await expect(alert).toContainText(/numbness, tingling/);
  await page.screenshot({ path: "/tmp/portal-stop.png", fullPage: true });
  await expectAccessible(page);
  await form2.getByRole("button", { name: "Save" }).tap();
  await expect(page.getByTestId("completion-saved")).toContainText("We have told");
  await page.screenshot({ path: "/tmp/portal-stop-saved.png" });
  // Until the therapist has seen the report, the exercise is paused on the home card.
  await page.getByRole("link", { name: "Back to today" }).tap();
  await expect(today.getByRole("listitem").filter({ hasText: "calf" })).toContainText("Paused.");

  // The same tick-off sent twice (a retry) is stored once.
  const view = await (await page.request.get("/api/portal/programme")).json();
  const gun = view.programmes[0].items.find((i: { exerciseKey: string }) => i.exerciseKey === "gun_glutes");
  const key = `retry-${suffix}`;
  const first = await page.request.post("/api/portal/programme/completions", {
    data: { itemId: gun.itemId, idempotencyKey: key },
  });
  const again = await page.request.post("/api/portal/programme/completions", {
    data: { itemId: gun.itemId, idempotencyKey: key },
  });
  expect(first.status()).toBe(201);
  expect((await again.json()).id).toBe((await first.json()).id);
  await page.goto("/portal");
  await expect(card).toContainText("This week so far you have done 3 of 3 sessions.");
  // Two done; the calf roll is paused after the tingling report, awaiting the therapist.
  await expect(today.getByText("Done today")).toHaveCount(2);
  await expect(today.getByRole("listitem").filter({ hasText: "calf" })).toContainText("Paused.");
  await page.screenshot({ path: "/tmp/portal-home-done.png" });

  // The printable copy.
  await page.goto("/portal/programme/print");
  await expect(page.getByRole("heading", { level: 1, name: WORDING })).toBeVisible();
  await expect(page.getByText(`For ${client.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stop at once if" })).toHaveCount(3);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/portal-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await expectAccessible(page);
  await phone.close();

  // The therapist: adherence on the client's page, the report on the dashboard.
  const therapist = await staff.newPage();
  await therapist.goto(`/clients/${client.id}`);
  const programmeCard = therapist.getByRole("region", { name: WORDING });
  await expect(programmeCard.getByRole("heading", { name: /Adherence · this week 100%/ })).toBeVisible();
  await expect(programmeCard.getByRole("row", { name: /this week/ })).toContainText("3 of 3");
  await therapist.goto("/therapist");
  const attention = therapist.getByTestId("needs-attention");
  const row = attention.getByRole("listitem").filter({ hasText: client.name }).first();
  await expect(row).toContainText("Home exercise: stop rule");
  await expect(row).toContainText(/numbness, tingling or shooting pain during .*calf/i);
  await staff.close();
});
