"use client";
import { Button } from "@/app/_components/ui/button";
import { regionById } from "./body-areas";

/** One chosen place as a short row: its name, its score in words, Change and Remove. */
export function ChosenPlace({
  regionId,
  score,
  error,
  onChange,
  onRemove,
}: {
  regionId: string;
  score: number | null;
  error?: string;
  onChange: () => void;
  onRemove: () => void;
}) {
  const name = regionById(regionId)?.name ?? regionId;
  return (
    <li className="rounded-lg border border-line bg-white px-4 py-2">
      <p className="pt-1 text-base font-medium text-ink">{name}</p>
      <div className="flex items-center gap-3">
        <span
          className={`mr-auto tabular text-base whitespace-nowrap ${score === null ? "text-danger" : "font-semibold text-ink"}`}
        >
          {score === null ? "No score yet" : `${score} out of 10`}
        </span>
        <span className="flex">
          <Button
            type="button"
            variant="ghost"
            onClick={onChange}
            aria-label={`${score === null ? "Score it" : "Change"}: ${name}`}
          >
            {score === null ? "Score it" : "Change"}
          </Button>
          <Button type="button" variant="ghost" onClick={onRemove} aria-label={`Remove: ${name}`}>
            Remove
          </Button>
        </span>
      </div>
      {error ? (
        <p role="alert" className="pb-1 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </li>
  );
}
