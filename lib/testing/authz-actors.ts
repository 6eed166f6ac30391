/** Who the authorization walk acts as: anonymous, and each role in two clinics (the demo seed's people). */
import type { Db } from "@/db/client";
import type { Role } from "@/lib/identity/permissions";
import { loadActor } from "@/lib/identity/actor";
import type { SessionInfo } from "@/lib/identity/session-info";
import { sessionFor } from "./db";

export const BASE_URL = "http://knotwork.test";

export interface ActorSpec {
  label: string;
  email: string | null;
  clinic: "demo" | "other" | null;
}

export const ACTORS: ActorSpec[] = [
  { label: "anonymous", email: null, clinic: null },
  { label: "Demo admin", email: "admin@demo.test", clinic: "demo" },
  { label: "Demo therapist", email: "therapist@demo.test", clinic: "demo" },
  { label: "Demo client", email: "client@demo.test", clinic: "demo" },
  { label: "Other admin", email: "admin@other.test", clinic: "other" },
  { label: "Other therapist", email: "therapist@other.test", clinic: "other" },
  { label: "Other client", email: "client@other.test", clinic: "other" },
];

export const SLUG = { demo: "demo-clinic", other: "other-clinic" } as const;

/** The session and live roles of an actor in this database (null session: anonymous). */
export async function resolveActor(db: Db, spec: ActorSpec): Promise<{ session: SessionInfo | null; roles: Role[] }> {
  if (!spec.email || !spec.clinic) return { session: null, roles: [] };
  const session = await sessionFor(db, spec.email, SLUG[spec.clinic]);
  const actor = await loadActor(db, session.userId, session.clinicId);
  if (!actor) throw new Error(`${spec.label} has no live membership`);
  return { session, roles: actor.roles };
}
