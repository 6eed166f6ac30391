import { clients } from "@/db/schema";
import type { ClientSummary } from "../schemas";

/** The columns of a client's summary, shared by the list and the single-client read. */
export const summaryColumns = {
  id: clients.id,
  firstName: clients.firstName,
  lastName: clients.lastName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  email: clients.email,
  phone: clients.phone,
  archivedAt: clients.archivedAt,
  userId: clients.userId,
};

type SummaryRow = Pick<typeof clients.$inferSelect, keyof typeof summaryColumns>;

export function toSummary(r: SummaryRow): ClientSummary {
  const { userId, archivedAt, ...rest } = r;
  return { ...rest, archivedAt: archivedAt?.toISOString() ?? null, hasPortalAccess: userId !== null };
}
