import { createHmac, hkdfSync, randomUUID } from "node:crypto";
import pg from "pg";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiLogin, expectAccessible, findClientId, uniqueSuffix } from "./fixtures";

/**
 * The link in an appointment message, opened without signing in, on a phone and on a desktop.
 * The link is signed here the way the server signs it (HKDF of NEXTAUTH_SECRET, HMAC-SHA256;
 * lib/messaging/manage-link.ts), which the e2e script shares with the server; with PostgreSQL the
 * spec also reads the confirmation and cancellation emails the server's worker wrote to the outbox.
 */
function signLink(clinicId: string, appointmentId: string, expiresAt: Date): string {
  const secret = process.env.NEXTAUTH_SECRET!;
  const key = Buffer.from(hkdfSync("sha256", secret, "knotwork", "appointment-link-v1", 32));
  const body = ["a1", clinicId, appointmentId, Math.floor(expiresAt.getTime() / 1000).toString(36)].join(".");
  return `${Buffer.from(body).toString("base64url")}.${createHmac("sha256", key).update(body).digest("base64url")}`;
}

async function outboxKinds(appointmentId: string): Promise<{ kind: string; text: string }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; body_text: string }>(
      `select kind, body_text from email_outbox where appointment_id = $1 order by created_at`,
      [appointmentId],
    );
    return rows.map((r) => ({ kind: r.kind, text: r.body_text }));
  } finally {
    await client.end();
  }
}

async function bookCasey(api: APIRequestContext, daysAhead: number) {
  const suffix = uniqueSuffix();
  const type = await (
    await api.post("/api/appointment-types", {
      data: { name: `Massage ${suffix}`, durationMin: 45, bufferAfterMin: 0, colour: "#0f6b73", needsRoom: false },
    })
  ).json();
  const staff: { userId: string; name: string }[] = await (await api.get("/api/staff")).json();
  const tara = staff.find((s) => s.name === "Tara Therapist")!.userId;
  const casey = await findClientId(api, "Casey");
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  // The first free quarter hour from 07:00 UTC that day (other specs book the same diary).
  for (let i = 0; i < 40; i++) {
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7) + i * 15 * 60_000);
    const res = await api.post("/api/appointments", {
      data: {
        clientId: casey,
        therapistUserId: tara,
        typeId: type.id,
        roomId: null,
        startsAt: startsAt.toISOString(),
        allowOutsideHours: true,
        idempotencyKey: randomUUID(),
      },
    });
    if (res.status() === 201) return { appt: (await res.json()) as { id: string }, startsAt, typeName: type.name };
  }
  throw new Error("no free time for the appointment");
}

for (const device of [
  { name: "phone", viewport: { width: 390, height: 844 }, daysAhead: 9 },
  { name: "desktop", viewport: { width: 1440, height: 900 }, daysAhead: 10 },
]) {
  test(`a client opens the link in an appointment message on a ${device.name}, sees it and cancels it`, async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(device.viewport);
    const admin = await playwright.request.newContext({ baseURL });
    await apiLogin(admin, "admin@demo.test");
    const me = await (await admin.get("/api/me")).json();
    const clinicId = me.clinics.find((c: { clinicName: string }) => c.clinicName === "Demo Clinic").clinicId;
    const { appt, startsAt, typeName } = await bookCasey(admin, device.daysAhead);

    if (process.env.DATABASE_URL) {
      // The server's worker writes the confirmation, with the signed link, soon after the booking.
      await expect
        .poll(async () => (await outboxKinds(appt.id)).map((m) => m.kind), { timeout: 30_000 })
        .toEqual(["appointment.booked"]);
      const [booked] = await outboxKinds(appt.id);
      expect(booked!.text).toContain(`${baseURL}/appointment/`);
    }

    await page.goto(`/appointment/${signLink(clinicId, appt.id, startsAt)}`);
    await expect(page.getByRole("heading", { name: "Your appointment" })).toBeVisible();
    const details = page.getByRole("definition");
    await expect(details.filter({ hasText: typeName })).toBeVisible();
    await expect(details.filter({ hasText: "Tara Therapist" })).toBeVisible();
    await page.screenshot({ path: `test-results/appointment-link-${device.name}.png`, fullPage: true });
    await expectAccessible(page);

    await page.getByRole("button", { name: "Cancel this appointment" }).click();
    await expect(page.getByRole("group", { name: /^Cancel / })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByTestId("appointment-state")).toContainText("Your appointment is cancelled");
    await expect(page.getByRole("button", { name: "Cancel this appointment" })).toHaveCount(0);
    await expectAccessible(page);

    // Reopened, the link only shows the cancellation; a forged one is a 404.
    await page.reload();
    await expect(page.getByTestId("appointment-state")).toContainText("This appointment is cancelled.");
    const forged = await page.goto(`/appointment/${signLink(clinicId, appt.id, startsAt).slice(0, -4)}AAAA`);
    expect(forged?.status()).toBe(404);

    if (process.env.DATABASE_URL) {
      await expect
        .poll(async () => (await outboxKinds(appt.id)).map((m) => m.kind), { timeout: 30_000 })
        .toEqual(["appointment.booked", "appointment.cancelled"]);
    }
  });
}
