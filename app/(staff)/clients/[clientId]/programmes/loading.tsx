import { ListSkeleton, Skeleton } from "@/app/_components/ui/feedback";

/** The builder's and history's shape in grey while the server loads them. */
export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <ListSkeleton rows={6} label="Loading exercises" />
        </div>
        <Skeleton className="h-[28rem] w-full lg:col-span-3" />
      </div>
    </div>
  );
}
