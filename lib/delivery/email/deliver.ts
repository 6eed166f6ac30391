import "server-only";
import { wakeInProcessWorker } from "@/lib/jobs/in-process";

/**
 * Called after a request that queued mail has committed: wakes this server's job worker so the
 * email goes out now rather than at its next poll. The send itself is a job (email.send).
 */
export function kickOutbox(): void {
  wakeInProcessWorker();
}
