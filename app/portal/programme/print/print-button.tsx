"use client";
import { Button } from "@/app/_components/ui/button";

export function PrintButton() {
  return (
    <Button type="button" className="min-h-12 text-base" onClick={() => window.print()}>
      Print
    </Button>
  );
}
