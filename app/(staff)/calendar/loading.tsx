import { CalendarSkeleton } from "./_components/calendar-skeleton";

export default function Loading() {
  return <CalendarSkeleton />;
}
