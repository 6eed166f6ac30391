import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The app's date and time fields (app/_components/ui/date-time-field.tsx) are react-aria groups of
 * spin buttons in the clinic's order (the portal's memorable dates are Day / Month / Year boxes), not native inputs, so `fill("2027-04-02")` no longer applies.
 * These helpers type a wire value ("YYYY-MM-DD" / "HH:mm") into whatever order the clinic uses,
 * part by part, as a person would.
 */

/** The field's group, found by its label (the segments inside are named "month, Date" and so on). */
export function dateTimeField(scope: Page | Locator, label: string | RegExp): Locator {
  return scope.getByRole("group", { name: label, exact: typeof label === "string" ? true : undefined }).first();
}

/** What the field shows, with the bidi marks react-aria puts around the parts removed. */
export async function shownValue(field: Locator): Promise<string> {
  const parts = await field.getByRole("spinbutton").evaluateAll((els) =>
    els.map((el) => {
      const prev =
        el.previousElementSibling?.getAttribute("data-type") === "literal" ? el.previousElementSibling : null;
      return `${prev?.textContent ?? ""}${el.textContent ?? ""}`;
    }),
  );
  return parts
    .join("")
    .replace(/[\u2066-\u2069\u200e\u200f]/g, "")
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim();
}

async function typeParts(field: Locator, parts: Record<string, string>) {
  const segments = field.getByRole("spinbutton");
  const count = await segments.count();
  expect(count, "the field's editable parts").toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const seg = segments.nth(i);
    const type = await seg.getAttribute("data-type");
    const value = type ? parts[type] : undefined;
    if (value === undefined) throw new Error(`no value for the ${type} part`);
    await seg.focus();
    await seg.page().keyboard.type(value);
  }
  // Leave the field, so a one-digit part ("4" of April) is taken as it stands.
  await segments.last().blur();
}

/**
 * Types a calendar date ("2027-04-02") into a date field, in whatever order the clinic writes dates:
 * the staff field's spin buttons, or the portal's Day / Month / Year boxes (memorable-date-field.tsx).
 */
export async function fillDate(field: Locator, iso: string) {
  const [year, month, day] = iso.split("-") as [string, string, string];
  if ((await field.getByRole("spinbutton").count()) === 0) {
    await field.getByLabel("Day", { exact: true }).fill(String(Number(day)));
    await field.getByLabel("Month", { exact: true }).fill(String(Number(month)));
    await field.getByLabel("Year", { exact: true }).fill(year);
    return;
  }
  await typeParts(field, { year, month, day });
}

/** Types a time of day ("14:30") into a time field, on the clinic's 12- or 24-hour clock. */
export async function fillTime(field: Locator, hhmm: string) {
  const [h, minute] = hhmm.split(":").map(Number) as [number, number];
  const twelve = (await field.locator("[data-type=dayPeriod]").count()) > 0;
  const hour = twelve ? String(h % 12 === 0 ? 12 : h % 12).padStart(2, "0") : String(h).padStart(2, "0");
  await typeParts(field, { hour, minute: String(minute).padStart(2, "0"), dayPeriod: h < 12 ? "A" : "P" });
}
