/**
 * Who may do what. Route handlers declare one permission; pages check the same table.
 * The README's permission table is generated from this object (see scripts/permission-table.ts).
 * Row-level rules (which client, which clinic) live in lib/identity/scopes.ts.
 */
export const ROLES = ["admin", "therapist", "client"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "clients.read": {
    roles: ["admin", "therapist"],
    description: "List, search and open client records (contact details)",
  },
  "clients.write": { roles: ["admin", "therapist"], description: "Create and edit client records" },
  "clients.archive": { roles: ["admin", "therapist"], description: "Archive and restore client records (soft delete)" },
  "clients.invite": { roles: ["admin", "therapist"], description: "Invite a client to the portal" },
  "staff.read": { roles: ["admin"], description: "List staff and pending invitations" },
  "staff.invite": { roles: ["admin"], description: "Invite therapists and admins, revoke invitations" },
  "staff.manage": {
    roles: ["admin"],
    description: "Remove a staff member's role or their membership (their access ends at once)",
  },
  "audit.read": { roles: ["admin"], description: "Read the clinic's audit trail" },
  "outbox.read": { roles: ["admin"], description: "Read the clinic's outgoing messages (email and text)" },
  "jobs.manage": {
    roles: ["admin"],
    description: "See the clinic's failed background jobs (never their contents), retry or discard them",
  },
  "clinical.read": { roles: ["therapist"], description: "Read visits, SOAP notes, findings and chart history" },
  "clinical.write": { roles: ["therapist"], description: "Open visits, write notes and findings, add amendments" },
  "visits.sign": { roles: ["therapist"], description: "Sign (lock) a visit" },
  "muscles.read": { roles: ["admin", "therapist"], description: "Read the muscle library" },
  "muscles.write": { roles: ["admin", "therapist"], description: "Add the clinic's own muscles to the library" },
  "instruments.configure": {
    roles: ["admin", "therapist"],
    description: "Enter the clinic's licensed questionnaire wording (NDI, ODI)",
  },
  "forms.configure": {
    roles: ["admin", "therapist"],
    description:
      "Build and edit the clinic's intake and consent forms (each save is a new version; signed forms keep theirs)",
  },
  "clinic.settings": { roles: ["admin"], description: "Change clinic settings, rooms and appointment types" },
  "schedule.manage": {
    roles: ["admin", "therapist"],
    description: "Book, move and cancel appointments; manage rooms and appointment types",
  },
  "exercises.write": {
    roles: ["admin", "therapist"],
    description: "Add and edit the clinic's own SMR exercises (seeded ones stay as they are)",
  },
  "programmes.read": {
    roles: ["therapist"],
    description: "Read clients' home programmes, their tick-offs and adherence",
  },
  "programmes.write": {
    roles: ["therapist"],
    description: "Prescribe and revise home programmes; mark adverse reports as seen",
  },
  "billing.manage": {
    roles: ["admin"],
    description:
      "See amounts; invoice, take payments, refund, credit and read billing reports (therapists too when the clinic's billing settings allow it)",
  },
  "portal.self": { roles: ["client"], description: "Read one's own client record in the portal" },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/**
 * Permissions a clinic setting adds to a role in that clinic (on top of the table above).
 * billing.manage for therapists is the clinic's choice: a sole practitioner takes payments.
 */
export interface ClinicGrants {
  billingForTherapists: boolean;
}

export function grantedPermissions(roles: readonly Role[], grants: ClinicGrants): Permission[] {
  return grants.billingForTherapists && roles.includes("therapist") ? ["billing.manage"] : [];
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => roleHas(r, permission));
}
