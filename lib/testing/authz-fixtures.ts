/**
 * Actors and objects for the authorization walk (lib/testing/authorization-walk.ts).
 * Objects are Demo Clinic's; every path parameter and every body that needs live ids or
 * tokens has a fixture here, and an unknown name fails loudly so a new route must add one.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, clinics } from "@/db/schema";
import { requestPasswordReset } from "@/lib/identity/password-reset";
import { inviteClient } from "@/lib/clients/invite-client";
import { inviteStaff } from "@/lib/identity/invitations/invite-staff";
import { createFinding } from "@/lib/clinical/findings/create-finding";
import { createFindingBody } from "@/lib/clinical/schemas";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { signVisit } from "@/lib/clinical/visits/sign-visit";
import { createComplaint } from "@/lib/outcomes/pain/complaints/create-complaint";
import { assignQuestionnaire } from "@/lib/outcomes/questionnaires/assignments/assign-questionnaire";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { addException } from "@/lib/scheduling/availability/add-exception";
import { actorFor, clientIdByName, clinicIdBySlug, tokenFromLink } from "./db";
import { BASE_URL, SLUG } from "./authz-actors";
import type { DynamicBody, FixtureModule, World } from "./authz-fixture-module";

export type { World } from "./authz-fixture-module";
import { programmesFixtures } from "./authz-fixtures-programmes";
import { calendarFixtures } from "./authz-fixtures-calendar";
import { bookingFixtures } from "./authz-fixtures-booking";
import { seriesFixtures } from "./authz-fixtures-series";
import { exercisesFixtures } from "./authz-fixtures-exercises";
import { twoFactorFixtures } from "./authz-fixtures-two-factor";
import { securityFixtures } from "./authz-fixtures-security";
import { documentsFixtures } from "./authz-fixtures-documents";
import { publicBookingFixtures } from "./authz-fixtures-public-booking";
import { jobsFixtures } from "./authz-fixtures-jobs";
import { billingAreaFixtures } from "./authz-fixtures-packages";
import { formsFixtures } from "./authz-fixtures-forms";
import { messagingFixtures } from "./authz-fixtures-messaging";

/** Each area's extra fixtures (path params, live bodies), kept beside its routes' owners. */
const AREA_FIXTURES: FixtureModule[] = [
  twoFactorFixtures,
  programmesFixtures,
  calendarFixtures,
  seriesFixtures,
  bookingFixtures,
  exercisesFixtures,
  securityFixtures,
  documentsFixtures,
  publicBookingFixtures,
  jobsFixtures,
  billingAreaFixtures,
  formsFixtures,
  messagingFixtures,
];

let sequence = 0;

export async function buildWorld(db: Db): Promise<World> {
  const admin = await actorFor(db, "admin@demo.test");
  const priya = await clientIdByName(db, "Priya", "Shah");
  // A pending staff invitation (invitationId) and a pending portal invitation for the
  // clientId fixture, so revoking either has something to revoke.
  const staffInvite = await inviteStaff(
    db,
    admin,
    { email: "pending.staff@example.test", role: "therapist" },
    BASE_URL,
  );
  await inviteClient(db, admin, priya, {}, BASE_URL);
  // Visits on Priya by the Demo therapist: a signed one (amendments need it) opened first,
  // so the draft carries nothing forward; the draft holds one finding.
  const therapist = await actorFor(db, "therapist@demo.test");
  const signed = await createVisit(db, therapist, priya, {});
  await signVisit(db, therapist, signed.id, { version: 1 });
  const draft = await createVisit(db, therapist, priya, {});
  const finding = await createFinding(
    db,
    therapist,
    draft.id,
    createFindingBody.parse({
      view: "back",
      x: 0.585,
      y: 0.185,
      muscleId: "upper_trapezius",
      side: "right",
      type: "active",
      tenderness: 6,
    }),
  );
  const complaint = await createComplaint(db, therapist, priya, {
    title: "Right-sided neck pain",
    regions: [],
    onsetDate: null,
  });
  const casey = await clientIdByName(db, "Casey", "Client");
  const caseyComplaint = await createComplaint(db, therapist, casey, {
    title: "Low back ache",
    regions: [],
    onsetDate: null,
  });
  const assignment = await assignQuestionnaire(db, therapist, priya, { instrumentId: "psfs", everyNVisits: null });
  const room = await createRoom(db, admin, { name: "Fixture room" });
  const type = await createAppointmentType(db, admin, {
    name: "Fixture type",
    durationMin: 60,
    bufferAfterMin: 0,
    colour: "#0f6b73",
    bookableOnline: false,
    needsRoom: true,
  });
  const tara = await actorFor(db, "therapist@demo.test");
  const off = await addException(db, admin, tara.userId, { kind: "time_off", startDate: "2026-12-24" });
  const demoClients = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, email: clients.email })
    .from(clients)
    .where(eq(clients.clinicId, admin.clinicId));
  const params: Record<string, string> = {
    clientId: priya,
    invitationId: staffInvite.id,
    visitId: draft.id,
    findingId: finding.id,
    signedVisitId: signed.id,
    complaintId: complaint.id,
    caseyComplaintId: caseyComplaint.id,
    assignmentId: assignment.id,
    // Not a Demo object: the shared instrument list. Any clinic may set its own wording.
    instrumentId: "ndi",
    roomId: room.id,
    typeId: type.id,
    therapistId: tara.userId,
    exceptionId: off.exceptions[0]!.id,
  };
  for (const area of AREA_FIXTURES) Object.assign(params, await area.buildParams?.(db, params));
  return {
    db,
    demoClinicId: await clinicIdBySlug(db, SLUG.demo),
    // clientId is a Demo client who is NOT the portal client, so a client actor's 403/404 is about scope.
    params,
    demoClients,
  };
}

/** Operations that need a different object for a parameter: operationId → { param: fixture key }. */
const paramOverrides: Record<string, Record<string, string>> = {
  addAmendment: { visitId: "signedVisitId" },
  ...Object.assign({}, ...AREA_FIXTURES.map((a) => a.paramOverrides ?? {})),
};

export function paramsFor(world: World, operationId: string, names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = world.params[paramOverrides[operationId]?.[name] ?? name];
      if (!value)
        throw new Error(
          `No authorization-test fixture for path parameter "${name}": add one in lib/testing/authz-fixtures.ts`,
        );
      return [name, value];
    }),
  );
}

export interface BodyFixture {
  body: unknown;
  /** The body names a Demo Clinic object, so another clinic's actor must get 404. */
  refersToDemo?: boolean;
}

const NEW_PASSWORD = "correct-horse-battery";

/**
 * Bodies that cannot be static examples because they carry live ids or one-time tokens.
 * Each call makes a new token, so every actor's attempt is independent.
 */
const dynamicBodies: Record<string, DynamicBody> = {
  ...Object.assign({}, ...AREA_FIXTURES.map((a) => a.dynamicBodies ?? {})),
  selectClinic: { refersToDemo: true, make: async (w) => ({ clinicId: w.demoClinicId }) },
  // The settings version of the Demo clinic as it is now (each allowed attempt bumps it).
  updateClinicSettings: {
    make: async (w) => {
      const [c] = await w.db.select({ v: clinics.settingsVersion }).from(clinics).where(eq(clinics.id, w.demoClinicId));
      return {
        name: "Demo Clinic",
        timezone: "Europe/London",
        cancellationNoticeHours: 24,
        onlineBooking: true,
        scopeWording: "self_care",
        openingHours: [],
        version: c!.v,
      };
    },
  },
  // The portal client's own complaint; anyone else's client gets 404 for it.
  addDiaryEntry: {
    refersToDemo: true,
    make: async (w) => ({ complaintId: w.params.caseyComplaintId, score: 4, replace: true }),
  },
  acceptInvitation: {
    make: async (w) => {
      const admin = await actorFor(w.db, "admin@demo.test");
      const invite = await inviteStaff(
        w.db,
        admin,
        { email: `accepting.${++sequence}@example.test`, role: "therapist" },
        BASE_URL,
      );
      return {
        token: tokenFromLink(invite.link),
        name: "New Colleague",
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      };
    },
  },
  completePasswordReset: {
    make: async (w) => {
      const { link } = await requestPasswordReset(w.db, "therapist2@demo.test", BASE_URL);
      return { token: tokenFromLink(link), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    },
  },
};

export function bodyRefersToDemo(operationId: string): boolean {
  return Boolean(dynamicBodies[operationId]?.refersToDemo);
}

/** The body to send: a live fixture, else the operation's documented example. */
export async function bodyFor(
  world: World,
  operationId: string,
  example: unknown,
  hasBody: boolean,
): Promise<BodyFixture | null> {
  const dynamic = dynamicBodies[operationId];
  if (dynamic) return { body: await dynamic.make(world), refersToDemo: dynamic.refersToDemo };
  if (!hasBody) return null;
  if (example === undefined) {
    throw new Error(
      `${operationId} takes a body but has no exampleBody: add one to its operation (or a fixture in lib/testing/authz-fixtures.ts)`,
    );
  }
  return { body: example };
}

/** Demo client ids, emails and names found in a response from an actor who must not see them. */
export function demoClientLeaks(world: World, text: string): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the substring checks below still apply.
  }
  const strings = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") strings.add(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(parsed);
  for (const c of world.demoClients) {
    const who = `Demo client #${world.demoClients.indexOf(c) + 1}`;
    if (lower.includes(c.id.toLowerCase())) found.push(`${who}: id`);
    if (c.email && lower.includes(c.email.toLowerCase())) found.push(`${who}: email`);
    const full = `${c.firstName} ${c.lastName}`.toLowerCase();
    // Whole names anywhere; a single name only as a whole value, case-sensitive, so a
    // client called "Client" is not confused with the role "client".
    if (lower.includes(full) || strings.has(c.firstName) || strings.has(c.lastName)) {
      found.push(`${who}: name`);
    }
  }
  return found;
}
