import { Skeleton } from "@/app/_components/ui/feedback";

/** The page's shape in grey while assignments and scores load. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading questionnaires" className="space-y-6">
      <Skeleton className="h-8 w-80" />
      <div className="grid gap-6 lg:grid-cols-5">
        <Skeleton className="h-56 lg:col-span-3" />
        <Skeleton className="h-56 lg:col-span-2" />
      </div>
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
