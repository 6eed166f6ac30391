import { ListSkeleton, Skeleton } from "@/app/_components/ui/feedback";

/** Shown while the server loads the history: the page's shape in grey, not a spinner. */
export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-8 w-64" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Skeleton className="h-[32rem] w-full" />
        <ListSkeleton rows={4} label="Loading chart history" />
      </div>
    </div>
  );
}
