import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  clientPackageDto,
  clientPackagesParams,
  packagePlanBody,
  packagePlanDto,
  packagePlanPatchBody,
  planParams,
  sellPackageBody,
  soldPackageDto,
} from "@/lib/billing/package-schemas";

export const listPackagePlans = defineOperation({
  id: "listPackagePlans",
  method: "GET",
  path: "/api/billing/package-plans",
  tag: "Billing",
  summary: "Prepaid package plans (e.g. 5 treatments), archived ones last",
  auth: { permission: "billing.manage" },
  response: z.array(packagePlanDto),
});

export const createPackagePlan = defineOperation({
  id: "createPackagePlan",
  method: "POST",
  path: "/api/billing/package-plans",
  tag: "Billing",
  summary: "Add a package plan: sessions, covered appointment types, price, tax and validity in days",
  auth: { permission: "billing.manage" },
  body: packagePlanBody,
  response: packagePlanDto,
  successStatus: 201,
  exampleBody: {
    name: "5 treatments",
    sessions: 5,
    typeIds: ["00000000-0000-4000-8000-000000000000"],
    priceMinor: 25000,
    taxRateId: null,
    validityDays: 180,
  },
});

export const updatePackagePlan = defineOperation({
  id: "updatePackagePlan",
  method: "PATCH",
  path: "/api/billing/package-plans/{planId}",
  tag: "Billing",
  summary: "Edit or archive a package plan (packages already sold keep their terms; 409 when someone saved first)",
  auth: { permission: "billing.manage" },
  params: planParams,
  body: packagePlanPatchBody,
  response: packagePlanDto,
  exampleBody: { priceMinor: 26000, version: 1 },
});

export const listClientPackages = defineOperation({
  id: "listClientPackages",
  method: "GET",
  path: "/api/clients/{clientId}/packages",
  tag: "Billing",
  summary: "A client's prepaid packages with sessions left and expiry",
  auth: { permission: "billing.manage" },
  params: clientPackagesParams,
  response: z.array(clientPackageDto),
});

export const sellPackage = defineOperation({
  id: "sellPackage",
  method: "POST",
  path: "/api/clients/{clientId}/packages",
  tag: "Billing",
  summary: "Sell a package plan to a client: issues its invoice and opens the client's package",
  auth: { permission: "billing.manage" },
  params: clientPackagesParams,
  body: sellPackageBody,
  response: soldPackageDto,
  successStatus: 201,
  exampleBody: { planId: "00000000-0000-4000-8000-000000000000" },
});
