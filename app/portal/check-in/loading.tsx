import { Skeleton } from "@/app/_components/ui/feedback";

/** The check-in's shape in grey: heading, the view toggle, the figure, a button. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your weekly check-in" className="space-y-4">
      <Skeleton className="h-8 w-4/5" />
      <Skeleton className="h-5 w-full" />
      <Skeleton className="mx-auto h-12 w-60" />
      <Skeleton className="mx-auto h-[min(60vh,520px)] w-60" />
      <Skeleton className="h-12 w-full" />
    </div>
  );
}
