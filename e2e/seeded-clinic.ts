/**
 * What scripts/e2e-seed.ts made for one spec file: a clinic of its own with its own staff and
 * clients, under random names, so specs neither share people with each other nor lean on the demo
 * seed. The manifest (E2E_MANIFEST) maps each spec's file name to one of these.
 */
export interface SeededStaff {
  userId: string;
  email: string;
  name: string;
  /** The first word of the name (the calendar and notices say "Moved … with Quinn"). */
  firstName: string;
  /** The run's password (random per run), so `signInAs(page, clinic.admin)` needs nothing else. */
  password: string;
}

export interface SeededClient {
  id: string;
  firstName: string;
  lastName: string;
  /** "First Last", as lists and headings show it. */
  name: string;
  email: string;
  phone: string;
}

export interface SeededClinic {
  spec: string;
  clinicId: string;
  name: string;
  slug: string;
  timezone: string;
  admin: SeededStaff;
  /** A therapist with weekday hours (a split shift, 09–13 and 14–18). */
  therapist: SeededStaff;
  /** A second therapist, no hours set. */
  therapist2: SeededStaff;
  /** A client with a portal login (email and the password above). */
  client: SeededClient & { userId: string; password: string };
  /** Further clients without logins. */
  clients: SeededClient[];
  rooms: { id: string; name: string }[];
  /** Initial assessment (60 min, bookable by new clients), Follow-up treatment (45), Review (30), as the demo has. */
  types: { id: string; name: string; durationMin: number; bookableOnline: boolean }[];
  /** Another clinic, seeded alike, for the specs that check what it must not see of this one (scripts/e2e-seed/second-clinic.ts). */
  other?: SeededClinic;
  /** Only for the specs of scripts/e2e-seed/visit-history.ts: the portal client's course of treatment. */
  visitHistory?: SeededVisitHistory;
}

/**
 * The portal client's neck-ache course: an open complaint, three signed visits with trigger point
 * findings (right upper trapezius UT-1 active, then latent, then resolved) and NPRS scores, and recent diary days.
 */
export interface SeededVisitHistory {
  clientId: string;
  /** The complaint's title. */
  complaint: string;
  visits: number;
  diaryEntries: number;
}

export type SeedManifest = Record<string, SeededClinic>;
