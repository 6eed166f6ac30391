import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its content (usually a table) is wider than the screen.
 * Keyboard users must be able to reach and scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`),
 * so it is a named, focusable region. Whether it scrolls depends on the screen and the fonts, so
 * every such box gets this treatment, not only the ones that overflowed on the developer's screen.
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  /** What the region holds, read out when it takes focus ("Invoice items"). */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      // The focus ring comes from the global :focus-visible rule.
      className={`overflow-x-auto ${className}`}
    >
      {children}
    </div>
  );
}
