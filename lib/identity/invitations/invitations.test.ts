import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { clients, emailOutbox, invitations, memberships, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { listUserClinics, loadActor, type Actor } from "@/lib/identity/actor";
import { verifySignIn } from "@/lib/identity/login";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, tokenFromLink, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { acceptInvitation, previewInvitation } from "./accept-invitation";
import { inviteClient } from "@/lib/clients/invite-client";
import { revokeClientInvitation } from "@/lib/clients/revoke-client-invitation";
import { inviteStaff } from "./invite-staff";
import { listPendingInvitations } from "./list-pending-invitations";
import { revokeStaffInvitation } from "./revoke-staff-invitation";
import { acceptInvitationBody } from "./schemas";

const BASE = "http://knotwork.test";
const PASSWORD = "a-brand-new-passphrase";

let t: TestDb;
let admin: Actor;
let otherAdmin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
});
afterAll(() => t?.close());

const accept = (token: string, extra: { name?: string; password?: string } = {}) =>
  acceptInvitation(
    t.db,
    acceptInvitationBody.parse({
      token,
      name: extra.name,
      password: extra.password ?? PASSWORD,
      confirmPassword: extra.password ?? PASSWORD,
    }),
  );

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const userCount = async (email: string) =>
  (
    await t.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
  ).length;

describe("staff invitations", () => {
  it("accepting creates the login and the membership, once", async () => {
    const invite = await inviteStaff(t.db, admin, { email: "new.staff@example.test", role: "therapist" }, BASE);
    expect(invite.link).toMatch(/^http:\/\/knotwork\.test\/invite\/[\w-]{40,}$/);
    const token = tokenFromLink(invite.link);
    // The email: HTML on the shared react-email layout with the link as its button, and plain text.
    const [mail] = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, "new.staff@example.test"), eq(emailOutbox.kind, "invitation.staff")));
    expect(mail!.subject).toBe("Demo Clinic invites you to Knotwork");
    expect(mail!.bodyHtml).toContain(`href="${invite.link}"`);
    expect(mail!.bodyText).toContain(invite.link);
    expect(mail!.bodyText).toContain("The link works once and expires on");
    expect(await previewInvitation(t.db, token)).toEqual({
      clinicName: "Demo Clinic",
      email: "new.staff@example.test",
      role: "therapist",
      hasAccount: false,
    });

    expect(await accept(token, { name: "Nia New" })).toEqual({
      email: "new.staff@example.test",
      clinicId: admin.clinicId,
      home: "/therapist",
    });
    const userId = await userIdByEmail(t.db, "new.staff@example.test");
    expect((await loadActor(t.db, userId, admin.clinicId))?.roles).toEqual(["therapist"]);
    expect((await verifySignIn(t.db, { email: "new.staff@example.test", password: PASSWORD })).id).toBe(userId);
    expect((await listPendingInvitations(t.db, admin)).map((i) => i.id)).not.toContain(invite.id);

    // Single use: the same link again is refused and changes nothing.
    const again = await rejection(accept(token, { name: "Nia New" }));
    expect(again.code).toBe("INVALID");
    expect(again.fieldErrors?.token).toBeDefined();
    expect(await previewInvitation(t.db, token)).toBeNull();
    expect(await userCount("new.staff@example.test")).toBe(1);
  });

  it("refuses an expired link and creates nobody", async () => {
    const invite = await inviteStaff(t.db, admin, { email: "late.staff@example.test", role: "admin" }, BASE);
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(invitations.clinicId, admin.clinicId), eq(invitations.id, invite.id)));
    expect((await rejection(accept(tokenFromLink(invite.link), { name: "Late" }))).code).toBe("INVALID");
    expect(await userCount("late.staff@example.test")).toBe(0);
  });

  it("a newer invitation for the same person replaces the pending one", async () => {
    const first = await inviteStaff(t.db, admin, { email: "twice@example.test", role: "therapist" }, BASE);
    const second = await inviteStaff(t.db, admin, { email: "twice@example.test", role: "therapist" }, BASE);
    expect((await rejection(accept(tokenFromLink(first.link), { name: "Twice" }))).code).toBe("INVALID");
    await accept(tokenFromLink(second.link), { name: "Twice" });
  });

  it("refuses to invite someone who already holds the role", async () => {
    expect(
      (await rejection(inviteStaff(t.db, admin, { email: "therapist@demo.test", role: "therapist" }, BASE))).code,
    ).toBe("CONFLICT");
  });

  it("revokes a pending invitation; another clinic cannot", async () => {
    const invite = await inviteStaff(t.db, admin, { email: "revoked@example.test", role: "therapist" }, BASE);
    expect((await rejection(revokeStaffInvitation(t.db, otherAdmin, invite.id))).code).toBe("NOT_FOUND");
    expect(await revokeStaffInvitation(t.db, admin, invite.id)).toEqual({ id: invite.id, revoked: true });
    expect((await rejection(revokeStaffInvitation(t.db, admin, invite.id))).code).toBe("NOT_FOUND");
    expect((await rejection(accept(tokenFromLink(invite.link), { name: "Revoked" }))).code).toBe("INVALID");
    expect(await userCount("revoked@example.test")).toBe(0);
  });
});

describe("client invitations", () => {
  it("accepting links the login to the client record", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    const invite = await inviteClient(t.db, admin, priya, {}, BASE);
    expect(invite).toMatchObject({ kind: "client", role: "client", clientId: priya, email: "priya.shah@example.test" });

    expect((await accept(tokenFromLink(invite.link), { name: "Priya Shah" })).home).toBe("/portal");
    const userId = await userIdByEmail(t.db, "priya.shah@example.test");
    const [row] = await t.db.select({ userId: clients.userId }).from(clients).where(eq(clients.id, priya));
    expect(row?.userId).toBe(userId);
    const actor = await loadActor(t.db, userId, admin.clinicId);
    expect(actor).toMatchObject({ roles: ["client"], clientId: priya });
    expect((await rejection(inviteClient(t.db, admin, priya, {}, BASE))).code).toBe("CONFLICT");
  });

  it("revoking a client's invitation makes its link unusable", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const invite = await inviteClient(t.db, admin, tom, { email: "tom.portal@example.test" }, BASE);
    expect((await rejection(revokeClientInvitation(t.db, otherAdmin, tom))).code).toBe("NOT_FOUND");
    await revokeClientInvitation(t.db, admin, tom);
    expect((await rejection(accept(tokenFromLink(invite.link), { name: "Tom" }))).code).toBe("INVALID");
    const [row] = await t.db.select({ userId: clients.userId }).from(clients).where(eq(clients.id, tom));
    expect(row?.userId).toBeNull();
  });
});

describe("an invitation to someone who already has a login", () => {
  it("needs the current password, then one login lists both clinics", async () => {
    const invite = await inviteStaff(t.db, otherAdmin, { email: "therapist@demo.test", role: "therapist" }, BASE);
    const token = tokenFromLink(invite.link);
    expect((await previewInvitation(t.db, token))?.hasAccount).toBe(true);
    const userId = await userIdByEmail(t.db, "therapist@demo.test");

    const wrong = await rejection(accept(token, { password: "not-the-current-password" }));
    expect(wrong.code).toBe("INVALID");
    expect(wrong.fieldErrors?.password).toBeDefined();
    const otherMemberships = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.clinicId, otherAdmin.clinicId)));
    expect(otherMemberships).toEqual([]);

    expect((await accept(token, { password: DEMO_PASSWORD })).clinicId).toBe(otherAdmin.clinicId);
    const clinicsOfUser = await listUserClinics(t.db, userId);
    expect(clinicsOfUser.map((c) => [c.clinicName, c.roles])).toEqual([
      ["Demo Clinic", ["therapist"]],
      ["Other Clinic", ["therapist"]],
    ]);
    // The existing password is kept: accepting never resets it.
    expect((await verifySignIn(t.db, { email: "therapist@demo.test", password: DEMO_PASSWORD })).id).toBe(userId);
  });
});
