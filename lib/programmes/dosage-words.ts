import type { PortalDosage } from "./portal-schemas";

/*
 * A dosage in plain words for clients and printouts ("Press and hold 60 s on each of 2 spots…").
 * Browser-safe: type imports only, so pages can use it without pulling in the reference data.
 */

const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export const ATTACHMENT_LABEL: Record<string, string> = {
  round: "round head",
  cushion: "cushion head",
  flat: "flat head",
  fork: "fork head",
  bullet: "bullet head",
  wedge: "wedge head",
};

export const TECHNIQUE_LABEL: Record<string, string> = {
  sustained_pressure: "Sustained pressure",
  rolling: "Slow rolling",
  percussion: "Percussion",
};

/** ISO weekdays (1 = Monday) as "every day", "Monday to Friday" or "Mon, Wed, Fri". */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  if (sorted.join() === "1,2,3,4,5") return "Monday to Friday";
  if (sorted.join() === "6,7") return "at weekends";
  return sorted.map((d) => DAY_SHORT[d - 1] ?? String(d)).join(", ");
}

export function describeSessions(n: number): string {
  return n === 1 ? "once a day" : n === 2 ? "twice a day" : `${n} times a day`;
}

const seconds = (s: number) => (s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s} s`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What to do in one session, e.g. "Press and hold 60 s on each of 2 spots, 2 sets with 30 s rest". */
export function describeSession(d: PortalDosage): string {
  let what: string;
  if (d.technique === "sustained_pressure") {
    const hold = `Press and hold ${seconds(d.secondsPerSpot ?? 0)}`;
    what = d.spots && d.spots > 1 ? `${hold} on each of ${d.spots} spots` : `${hold} on the tender spot`;
  } else if (d.technique === "rolling") {
    what = `Roll slowly for ${seconds(d.secondsPerMuscle ?? 0)}${d.passes ? ` (about ${plural(d.passes, "pass", "passes")})` : ""}`;
  } else {
    const head = d.attachment ? ` with the ${ATTACHMENT_LABEL[d.attachment] ?? d.attachment}` : "";
    what = `Keep the massage gun moving${head} for ${seconds(d.secondsPerMuscle ?? 0)}`;
  }
  const sets =
    d.sets > 1 ? `, ${plural(d.sets, "set")}${d.restSeconds > 0 ? ` with ${seconds(d.restSeconds)} rest` : ""}` : "";
  return `${what}${sets}.`;
}

/** The whole prescription in one line: session, pressure, how often. */
export function describeDosage(d: PortalDosage): string {
  return `${describeSession(d)} Pressure about ${d.intensity}/10. ${capitalise(describeSessions(d.sessionsPerDay))}, ${describeDays(d.daysOfWeek)}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
