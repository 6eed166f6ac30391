"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref, isNavGroup, navHrefs, type NavEntry } from "@/lib/identity/navigation";
import { Menu, MenuLink } from "@/app/_components/ui/menu";

const linkClass = (active: boolean) =>
  `inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm font-medium ${active ? "bg-accent-50 text-accent-800" : "text-muted hover:bg-stone-100 hover:text-ink"}`;

/**
 * The staff bar: one row of links and menus from 1024 px, one "Menu" button below that. Exactly one
 * element says aria-current="page": the link, or the menu button of the group the page is in.
 */
export function NavLinks({ items }: { items: NavEntry[] }) {
  const pathname = usePathname();
  const current = currentHref(pathname, navHrefs(items));
  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="hidden flex-nowrap gap-1 lg:flex">
        {items.map((entry) => {
          if (!isNavGroup(entry)) {
            const active = entry.href === current;
            return (
              <li key={entry.href}>
                <Link href={entry.href} aria-current={active ? "page" : undefined} className={linkClass(active)}>
                  {entry.label}
                </Link>
              </li>
            );
          }
          const inGroup = entry.items.some((i) => i.href === current);
          return (
            <li key={entry.label}>
              <Menu
                label={entry.label}
                aria-current={inGroup ? "page" : undefined}
                triggerClassName={linkClass(inGroup)}
              >
                {entry.items.map((i) => (
                  <MenuLink key={i.href} href={i.href} current={i.href === current}>
                    {i.label}
                  </MenuLink>
                ))}
              </Menu>
            </li>
          );
        })}
      </ul>
      <div className="lg:hidden">
        <Menu label="Menu" triggerClassName="border border-line bg-white text-ink hover:bg-stone-100">
          {items
            .flatMap((e) => (isNavGroup(e) ? e.items : [e]))
            .map((i) => (
              <MenuLink key={i.href} href={i.href} current={i.href === current}>
                {i.label}
              </MenuLink>
            ))}
        </Menu>
      </div>
    </nav>
  );
}
