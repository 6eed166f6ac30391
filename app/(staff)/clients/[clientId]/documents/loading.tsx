import { Skeleton } from "@/app/_components/ui/feedback";

/** The page's shape in grey while the documents load. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading documents" className="space-y-6">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-40 w-full" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="aspect-square" />
        ))}
      </div>
    </div>
  );
}
