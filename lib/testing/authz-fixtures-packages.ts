import { createPackagePlan } from "@/lib/billing/package-plans/create-package-plan";
import { actorFor } from "./db";
import { billingFixtures } from "./authz-fixtures-billing";
import type { FixtureModule } from "./authz-fixture-module";

/** Fixtures for the package routes: one Demo Clinic plan (version 1) covering the walk's type. */
export const packageFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const admin = await actorFor(db, "admin@demo.test");
    const plan = await createPackagePlan(db, admin, {
      name: "5 treatments",
      sessions: 5,
      typeIds: [base.typeId!],
      priceMinor: 25000,
      taxRateId: null,
      validityDays: 180,
    });
    return { planId: plan.id };
  },
  dynamicBodies: {
    createPackagePlan: {
      refersToDemo: true,
      make: async (w) => ({
        name: "3 treatments",
        sessions: 3,
        typeIds: [w.params.typeId],
        priceMinor: 15000,
        taxRateId: null,
        validityDays: 90,
      }),
    },
    sellPackage: { refersToDemo: true, make: async (w) => ({ planId: w.params.planId }) },
  },
};

/** Billing's fixtures, then the packages' (which build on the same Demo Clinic objects). */
export const billingAreaFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const billing = (await billingFixtures.buildParams?.(db, base)) ?? {};
    return { ...billing, ...(await packageFixtures.buildParams!(db, { ...base, ...billing })) };
  },
  paramOverrides: { ...billingFixtures.paramOverrides, ...packageFixtures.paramOverrides },
  dynamicBodies: { ...billingFixtures.dynamicBodies, ...packageFixtures.dynamicBodies },
};
