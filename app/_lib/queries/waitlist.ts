import { queryOptions } from "@tanstack/react-query";
import { call, ops, type QueryOf } from "@/app/_lib/api-client";

export const waitlistKeys = {
  all: ["waitlist"] as const,
  list: (status: string) => ["waitlist", "list", status] as const,
  matches: (appointmentId: string) => ["waitlist", "matches", appointmentId] as const,
  freed: ["waitlist", "freed"] as const,
};

export type WaitlistStatusFilter = NonNullable<QueryOf<typeof ops.listWaitlist>["status"]>;

export const waitlistQuery = (status: WaitlistStatusFilter) =>
  queryOptions({
    queryKey: waitlistKeys.list(status),
    queryFn: ({ signal }) => call(ops.listWaitlist, { query: { status }, signal }),
  });

export const slotMatchesQuery = (appointmentId: string) =>
  queryOptions({
    queryKey: waitlistKeys.matches(appointmentId),
    queryFn: ({ signal }) => call(ops.waitlistMatches, { params: { appointmentId }, signal }),
  });

export const freedSlotsQuery = () =>
  queryOptions({
    queryKey: waitlistKeys.freed,
    queryFn: ({ signal }) => call(ops.recentlyFreedSlots, { signal }),
  });

export const clientAppointmentKeys = { of: (clientId: string) => ["client-appointments", clientId] as const };

export const clientAppointmentsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientAppointmentKeys.of(clientId),
    queryFn: ({ signal }) => call(ops.getClientAppointments, { params: { clientId }, signal }),
  });
