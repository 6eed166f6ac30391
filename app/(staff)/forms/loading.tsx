import { ListSkeleton, Skeleton } from "@/app/_components/ui/feedback";

export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <ListSkeleton rows={4} label="Loading forms" />
    </div>
  );
}
