"use client";
import { Button } from "@/app/_components/ui/button";

/**
 * Up / down buttons to reorder (keyboard and screen reader friendly, unlike drag-only lists).
 * After a move, focus follows the item to its new place so the next press keeps moving it.
 */
export function MoveButtons({
  id,
  name,
  index,
  count,
  onMove,
}: {
  id: string;
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}) {
  const move = (to: number, dir: "up" | "down") => {
    onMove(index, to);
    requestAnimationFrame(() => {
      const same = document.getElementById(`${id}-${dir}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${id}-${dir === "up" ? "down" : "up"}`) as HTMLButtonElement | null;
      (same && !same.disabled ? same : other)?.focus();
    });
  };
  return (
    <div className="flex gap-1">
      <Button
        id={`${id}-up`}
        type="button"
        variant="secondary"
        className="px-3"
        disabled={index === 0}
        aria-label={`Move ${name} up`}
        onClick={() => move(index - 1, "up")}
      >
        <span aria-hidden>↑</span>
      </Button>
      <Button
        id={`${id}-down`}
        type="button"
        variant="secondary"
        className="px-3"
        disabled={index === count - 1}
        aria-label={`Move ${name} down`}
        onClick={() => move(index + 1, "down")}
      >
        <span aria-hidden>↓</span>
      </Button>
    </div>
  );
}
