import { Skeleton } from "@/app/_components/ui/feedback";

/** Shown while the scores load: the page's shape in grey, not a spinner on a blank page. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading progress" className="space-y-6">
      <Skeleton className="h-8 w-72" />
      {[0, 1].map((i) => (
        <div key={i} className="space-y-4 rounded-lg border border-line bg-white p-5">
          <Skeleton className="h-6 w-56" />
          <div className="grid gap-3 sm:grid-cols-3">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
          <Skeleton className="h-64 w-full" />
        </div>
      ))}
    </div>
  );
}
