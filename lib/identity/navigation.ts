import type { Permission, Role } from "./permissions";

export interface NavLink {
  href: string;
  label: string;
}
/** A top-level entry: a link, or a menu grouping related pages so the bar stays one row. */
export type NavEntry = NavLink | { label: string; items: NavLink[] };

export const isNavGroup = (e: NavEntry): e is { label: string; items: NavLink[] } => "items" in e;

/**
 * The staff navigation for a set of roles; entries appear only where the role may go. Daily work
 * (diary, clients) stays one click away; reference pages are grouped under "Library" and the
 * admin's pages under "Clinic", so the bar fits one row at 1024 px.
 */
export function staffNav(roles: readonly Role[], grants: readonly Permission[] = []): NavEntry[] {
  const staff = roles.includes("therapist") || roles.includes("admin");
  const entries: NavEntry[] = [];
  if (roles.includes("therapist")) entries.push({ href: "/therapist", label: "Dashboard" });
  if (!staff) return entries;
  entries.push(
    { href: "/calendar", label: "Calendar" },
    { href: "/clients", label: "Clients" },
    { href: "/waitlist", label: "Waitlist" },
    { href: "/availability", label: "Availability" },
    {
      label: "Library",
      items: [
        { href: "/muscles", label: "Muscles" },
        { href: "/exercises", label: "Exercises" },
        // Licensed questionnaire wording (NDI, ODI) is entered by either role: instruments.configure.
        { href: "/questionnaires", label: "Questionnaires" },
        // Intake and consent forms are built by either role too: forms.configure.
        { href: "/forms", label: "Forms" },
      ],
    },
  );
  // Billing is for whoever holds billing.manage: admins, and therapists where the clinic grants it.
  if (roles.includes("admin") || grants.includes("billing.manage"))
    entries.push({ href: "/billing", label: "Billing" });
  if (roles.includes("admin")) {
    entries.push({
      label: "Clinic",
      items: [
        { href: "/admin", label: "Staff" },
        { href: "/admin/settings", label: "Settings" },
        { href: "/admin/audit", label: "Audit trail" },
        { href: "/admin/outbox", label: "Messages" },
        { href: "/admin/jobs", label: "Background jobs" },
      ],
    });
  }
  return entries;
}

/**
 * The one entry that is the current page: the longest href the path is at or under. "/admin" and
 * "/admin/settings" both prefix /admin/settings; only the longer one is current.
 */
export function currentHref(pathname: string, hrefs: readonly string[]): string | null {
  const matches = hrefs.filter((h) => pathname === h || (h !== "/" && pathname.startsWith(`${h}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

export const navHrefs = (entries: readonly NavEntry[]) =>
  entries.flatMap((e) => (isNavGroup(e) ? e.items.map((i) => i.href) : [e.href]));
