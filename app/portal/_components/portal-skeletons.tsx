import { Skeleton } from "@/app/_components/ui/feedback";

/** The diary's shape in grey: a question, two rows of score tiles, a button. */
export function DiarySkeleton() {
  return (
    <div role="status" aria-label="Loading your pain diary" className="space-y-3">
      <Skeleton className="h-6 w-4/5" />
      <Skeleton className="h-14 w-full" />
      <Skeleton className="h-14 w-5/6 mx-auto" />
      <Skeleton className="h-12 w-full" />
    </div>
  );
}

export function ProgressSkeleton() {
  return (
    <div role="status" aria-label="Loading your progress" className="space-y-3">
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
