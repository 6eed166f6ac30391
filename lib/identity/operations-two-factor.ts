import { defineOperation } from "@/lib/http/operation";
import {
  confirmTwoFactorBody,
  recoveryCodesDto,
  twoFactorProofBody,
  twoFactorSetupDto,
  twoFactorStatusDto,
} from "@/lib/identity/two-factor/schemas";

/*
 * Two-factor belongs to the login (it spans clinics), so these are "signed-in" operations: they
 * stay reachable for staff whom a clinic sends to set-up, whose clinic roles are withheld until then.
 */

export const getTwoFactor = defineOperation({
  id: "getTwoFactor",
  method: "GET",
  path: "/api/me/two-factor",
  tag: "Two-factor",
  summary: "Whether two-factor sign-in is on, and how many recovery codes are left",
  auth: { user: true },
  response: twoFactorStatusDto,
});

export const startTwoFactorSetup = defineOperation({
  id: "startTwoFactorSetup",
  method: "POST",
  path: "/api/me/two-factor/setup",
  tag: "Two-factor",
  summary: "Start enrolment: a new secret as a QR code and as text (409 when already on)",
  auth: { user: true },
  response: twoFactorSetupDto,
});

export const confirmTwoFactor = defineOperation({
  id: "confirmTwoFactor",
  method: "POST",
  path: "/api/me/two-factor/confirm",
  tag: "Two-factor",
  summary: "Switch two-factor on with a first code; returns the recovery codes (shown once)",
  auth: { user: true },
  body: confirmTwoFactorBody,
  exampleBody: { code: "123456" },
  response: recoveryCodesDto,
});

export const regenerateRecoveryCodes = defineOperation({
  id: "regenerateRecoveryCodes",
  method: "POST",
  path: "/api/me/two-factor/recovery-codes",
  tag: "Two-factor",
  summary: "Replace the recovery codes (password or a current code); the old ones stop working",
  auth: { user: true },
  body: twoFactorProofBody,
  exampleBody: { code: "123456" },
  response: recoveryCodesDto,
});

export const disableTwoFactor = defineOperation({
  id: "disableTwoFactor",
  method: "POST",
  path: "/api/me/two-factor/disable",
  tag: "Two-factor",
  summary: "Turn two-factor sign-in off (password or a current code)",
  auth: { user: true },
  body: twoFactorProofBody,
  exampleBody: { code: "123456" },
  successStatus: 204,
});
