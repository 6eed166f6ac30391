import { Skeleton } from "@/app/_components/ui/feedback";

/** The first step's shape in grey: heading, the list of appointment kinds. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading online booking" className="space-y-4">
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-8 w-4/5" />
      <Skeleton className="h-6 w-3/5" />
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-16 w-full" />
    </div>
  );
}
