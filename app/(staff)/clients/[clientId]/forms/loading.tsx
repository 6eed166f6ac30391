import { Skeleton } from "@/app/_components/ui/feedback";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading forms" className="space-y-6">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-48 w-full" />
    </div>
  );
}
