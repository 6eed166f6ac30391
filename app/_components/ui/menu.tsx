"use client";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";

/**
 * A menu button (Radix DropdownMenu): arrow keys move through the items, Escape closes and returns
 * focus to the button, typing a letter jumps to an item.
 */
export function Menu({
  label,
  children,
  triggerClassName = "",
  align = "start",
  ...trigger
}: {
  label: ReactNode;
  children: ReactNode;
  triggerClassName?: string;
  align?: "start" | "end";
} & Omit<ComponentProps<"button">, "children">) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        {...trigger}
        className={`inline-flex min-h-11 items-center gap-1 rounded-md px-3 text-sm font-medium ${triggerClassName}`}
      >
        {label}
        <span aria-hidden className="text-xs">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align}
          sideOffset={4}
          className="z-50 min-w-48 rounded-md border border-line bg-white p-1 shadow-lg"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const itemClass =
  "flex min-h-11 w-full cursor-pointer items-center rounded px-3 text-sm text-ink outline-none data-[highlighted]:bg-accent-50 data-[highlighted]:text-accent-800";

/** A link inside a Menu; `current` marks the page you are on (bold, and said to screen readers). */
export function MenuLink({ href, children, current }: { href: string; children: ReactNode; current?: boolean }) {
  return (
    <DropdownMenu.Item asChild>
      <Link href={href} className={`${itemClass} ${current ? "font-semibold text-accent-800" : ""}`}>
        {children}
        {current ? <span className="sr-only"> (this page)</span> : null}
      </Link>
    </DropdownMenu.Item>
  );
}

export function MenuItem({ onSelect, children }: { onSelect: () => void; children: ReactNode }) {
  return (
    <DropdownMenu.Item onSelect={onSelect} className={itemClass}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-3 py-2 text-xs text-muted">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-line" />;
}
