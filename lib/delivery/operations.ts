import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";

export const listOutbox = defineOperation({
  id: "listOutbox",
  method: "GET",
  path: "/api/outbox",
  tag: "Audit",
  summary: "The clinic's outbox: emails and text messages, with why one was not sent",
  auth: { permission: "outbox.read" },
  response: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(["email", "sms"]),
      reason: z.string().nullable(),
      to: z.string(),
      subject: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
