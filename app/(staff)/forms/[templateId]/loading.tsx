import { Skeleton } from "@/app/_components/ui/feedback";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading the form" className="space-y-6">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
