import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  changePasswordBody,
  deviceDto,
  signOutDeviceBody,
  staffMemberParams,
  staffRemovalDto,
  staffRoleParams,
} from "@/lib/identity/session-schemas";

export const listMyDevices = defineOperation({
  id: "listMyDevices",
  method: "GET",
  path: "/api/me/sessions",
  tag: "Session",
  summary: "The browsers and devices where this login is signed in",
  auth: { user: true },
  response: z.array(deviceDto),
});

export const signOutDevice = defineOperation({
  id: "signOutDevice",
  method: "POST",
  path: "/api/me/sessions/sign-out",
  tag: "Session",
  summary: "Sign out one of your own sessions (another person's id changes nothing)",
  auth: { user: true },
  body: signOutDeviceBody,
  successStatus: 204,
  exampleBody: { sessionId: "00000000-0000-4000-8000-000000000000" },
});

export const signOutOtherDevices = defineOperation({
  id: "signOutOtherDevices",
  method: "POST",
  path: "/api/me/sessions/sign-out-others",
  tag: "Session",
  summary: "Sign out everywhere else (every session of this login but this one)",
  auth: { user: true },
  response: z.object({ ended: z.number().int() }),
});

export const removeStaffMember = defineOperation({
  id: "removeStaffMember",
  method: "DELETE",
  path: "/api/staff/{userId}",
  tag: "Staff",
  summary: "Remove a person from the clinic's staff (all their staff roles here)",
  auth: { permission: "staff.manage" },
  params: staffMemberParams,
  response: staffRemovalDto,
});

export const removeStaffRole = defineOperation({
  id: "removeStaffRole",
  method: "DELETE",
  path: "/api/staff/{userId}/roles/{role}",
  tag: "Staff",
  summary: "Remove one staff role (admin or therapist) from a member",
  auth: { permission: "staff.manage" },
  params: staffRoleParams,
  response: staffRemovalDto,
});

export const changePassword = defineOperation({
  id: "changePassword",
  method: "POST",
  path: "/api/me/password",
  tag: "Session",
  summary: "Change your password (checked like a sign-in); every other session ends",
  auth: { user: true },
  body: changePasswordBody,
  response: z.object({ otherSessionsEnded: z.number().int() }),
  exampleBody: {
    currentPassword: "knotwork-demo",
    newPassword: "a-new-long-passphrase",
    confirmPassword: "a-new-long-passphrase",
  },
});
