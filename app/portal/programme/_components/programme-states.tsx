import { Button } from "@/app/_components/ui/button";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";

/** What went wrong loading the programme, and a way to try again. */
export function ProgrammeLoadError({ retry }: { retry: () => void }) {
  return (
    <Notice tone="danger" title="We could not load your programme.">
      <p>Check your connection, then try again.</p>
      <Button type="button" variant="secondary" className="mt-3 min-h-12" onClick={retry}>
        Try again
      </Button>
    </Notice>
  );
}

/** The home card's shape in grey: two exercise cards with their Start buttons. */
export function ProgrammeCardSkeleton({ label = "Loading your programme" }: { label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {[0, 1].map((i) => (
        <div key={i} className="space-y-2 rounded-lg border border-line p-4">
          <Skeleton className="h-6 w-3/4" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      ))}
    </div>
  );
}

/** The item page's shape in grey: title, timer face, buttons, steps. */
export function ItemPageSkeleton() {
  return (
    <div role="status" aria-label="Loading the exercise" className="space-y-5">
      <Skeleton className="h-8 w-4/5" />
      <Skeleton className="h-4 w-full" />
      <div className="flex justify-center">
        <Skeleton className="size-56 rounded-full" />
      </div>
      <Skeleton className="h-14 w-full" />
      <Skeleton className="h-24 w-full" />
    </div>
  );
}
