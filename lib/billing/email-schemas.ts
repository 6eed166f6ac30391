import { z } from "zod";

/** "Email to client": queued, to this address (delivery follows through the outbox). */
export const emailedDocumentDto = z.object({ to: z.string(), outboxId: z.uuid() }).meta({ id: "EmailedDocument" });
export type EmailedDocument = z.infer<typeof emailedDocumentDto>;
