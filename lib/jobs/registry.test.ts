import { describe, expect, it } from "vitest";
import { appointmentNoticeJob } from "@/lib/scheduling/appointments/client-notice";
import { seriesNoticeJob } from "@/lib/scheduling/appointments/series-notice";
import { hasSendCheck } from "@/lib/delivery/send-checks";
import { jobRegistry, jobSchedules } from "./registry";

describe("the job registry", () => {
  it("keeps every job name the queue may hold (stored in job rows: never renamed)", () => {
    expect([...jobRegistry.keys()].sort()).toEqual(
      [
        "auth.prune-security-records",
        "documents.pdf-thumbnail",
        "email.send",
        "forms.render-pdf",
        "jobs.prune-finished",
        "messages.appointment",
        "messages.series",
        "messaging.prune-expired-links",
        "reminders.scan",
        "reminders.send",
        "sms.send",
        "billing.email-document",
      ].sort(),
    );
    expect(jobSchedules.map((s) => s.key).sort()).toContain("reminders.scan");
  });

  it("runs the jobs an area declares and another implements (a declared job without its run would die unknown)", () => {
    for (const declared of [appointmentNoticeJob, seriesNoticeJob]) {
      const job = jobRegistry.get(declared.name);
      expect(job?.payload).toBe(declared.payload);
      expect(job?.maxAttempts).toBe(declared.maxAttempts);
    }
  });

  it("loads the check that keeps a stale appointment reminder from being sent (lib/delivery/send-checks.ts)", () => {
    // The kind's literal, not messaging's constant: importing that module here would register the check itself.
    expect(hasSendCheck("appointment_reminder")).toBe(true);
  });
});
