/**
 * Authorization of every API operation, part 1 of 2: anonymous, each Demo Clinic role and
 * each Other Clinic role against Demo Clinic's objects, through the real route handlers.
 * The walk and its rules are in lib/testing/authorization-walk.ts; the operations are split
 * between lib/api/authorization.test.ts and lib/api/authorization.part2.test.ts so the two
 * halves run in parallel.
 */
import { vi } from "vitest";
import { describeAuthorization } from "@/lib/testing/authorization-walk";

// Delivery after a request reaches for the app's default database; here the outbox rows
// written by the use-cases are enough (lib/delivery/email/outbox.test.ts covers delivery).
vi.mock("@/lib/delivery/email/deliver", () => ({ kickOutbox: () => {} }));

describeAuthorization(1, 2);
