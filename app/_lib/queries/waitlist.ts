import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { ClientAppointments } from "@/lib/attendance/schemas";
import type { FreedSlotSummary, SlotMatchesDto, WaitlistEntryDto } from "@/lib/waitlist/schemas";

export const waitlistKeys = {
  all: ["waitlist"] as const,
  list: (status: string) => ["waitlist", "list", status] as const,
  matches: (appointmentId: string) => ["waitlist", "matches", appointmentId] as const,
  freed: ["waitlist", "freed"] as const,
};

export const waitlistQuery = (status: string) =>
  queryOptions({
    queryKey: waitlistKeys.list(status),
    queryFn: ({ signal }) => api<WaitlistEntryDto[]>(`/api/waitlist?status=${status}`, { signal }),
  });

export const slotMatchesQuery = (appointmentId: string) =>
  queryOptions({
    queryKey: waitlistKeys.matches(appointmentId),
    queryFn: ({ signal }) => api<SlotMatchesDto>(`/api/appointments/${appointmentId}/waitlist-matches`, { signal }),
  });

export const freedSlotsQuery = () =>
  queryOptions({
    queryKey: waitlistKeys.freed,
    queryFn: ({ signal }) => api<FreedSlotSummary[]>("/api/waitlist/freed-slots", { signal }),
  });

export const clientAppointmentKeys = { of: (clientId: string) => ["client-appointments", clientId] as const };

export const clientAppointmentsQuery = (clientId: string) =>
  queryOptions({
    queryKey: clientAppointmentKeys.of(clientId),
    queryFn: ({ signal }) => api<ClientAppointments>(`/api/clients/${clientId}/appointments`, { signal }),
  });
