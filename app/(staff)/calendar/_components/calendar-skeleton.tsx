import { Skeleton } from "@/app/_components/ui/feedback";

/** Grey toolbar and columns while the calendar loads. */
export function CalendarSkeleton() {
  return (
    <div role="status" aria-label="Loading the calendar" className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-11 w-48" />
        <Skeleton className="h-11 w-72" />
        <Skeleton className="ml-auto h-11 w-40" />
      </div>
      <div className="grid grid-cols-[4.25rem_1fr_1fr_1fr] gap-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-[60vh] w-full" />
        ))}
      </div>
    </div>
  );
}
