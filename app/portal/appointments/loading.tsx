import { Skeleton } from "@/app/_components/ui/feedback";

/** The list's shape in grey: heading, two appointment cards, the book button. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your appointments" className="space-y-4">
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-8 w-3/5" />
      <Skeleton className="h-36 w-full" />
      <Skeleton className="h-36 w-full" />
      <Skeleton className="h-12 w-full" />
    </div>
  );
}
