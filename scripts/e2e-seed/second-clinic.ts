// A second clinic for the specs that check what one clinic must not see of another (isolation,
// failed background jobs): seeded exactly as the spec's own clinic is, with people of its own under
// random names, so those specs need neither Other Clinic of the demo seed nor each other.
import type { SeededClinic } from "@/e2e/seeded-clinic";

const SPECS_WITH_A_SECOND_CLINIC = new Set(["background-jobs.spec.ts", "isolation.spec.ts"]);

/** The spec's clinic from `seed`, and for the specs above a second one from it as `other`. */
export async function withSecondClinicFor(spec: string, seed: () => Promise<SeededClinic>): Promise<SeededClinic> {
  const own = await seed();
  return SPECS_WITH_A_SECOND_CLINIC.has(spec) ? { ...own, other: await seed() } : own;
}
