import { Skeleton } from "@/app/_components/ui/feedback";

/** A question's shape in grey while the questionnaire loads. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading your questionnaire" className="space-y-4">
      <Skeleton className="h-8 w-4/5" />
      <Skeleton className="h-2 w-full" />
      <Skeleton className="h-7 w-full" />
      <Skeleton className="h-14 w-full" />
      <Skeleton className="h-14 w-full" />
      <Skeleton className="h-12 w-full" />
    </div>
  );
}
