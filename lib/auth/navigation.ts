import type { Role } from "./permissions";

/** The staff navigation for a set of roles; items appear only where the role may go. */
export function staffNav(roles: readonly Role[]) {
  const items: { href: string; label: string }[] = [];
  if (roles.includes("therapist")) items.push({ href: "/therapist", label: "Dashboard" });
  if (roles.includes("therapist") || roles.includes("admin")) items.push({ href: "/calendar", label: "Calendar" });
  if (roles.includes("therapist") || roles.includes("admin")) items.push({ href: "/clients", label: "Clients" });
  if (roles.includes("therapist") || roles.includes("admin")) items.push({ href: "/muscles", label: "Muscles" });
  if (roles.includes("therapist") || roles.includes("admin")) items.push({ href: "/exercises", label: "Exercises" });
  // Licensed questionnaire wording (NDI, ODI) is entered by either role: instruments.configure.
  if (roles.includes("therapist") || roles.includes("admin"))
    items.push({ href: "/questionnaires", label: "Questionnaires" });
  if (roles.includes("therapist") || roles.includes("admin"))
    items.push({ href: "/availability", label: "Availability" });
  if (roles.includes("therapist") || roles.includes("admin")) items.push({ href: "/waitlist", label: "Waitlist" });
  if (roles.includes("admin")) {
    items.push({ href: "/admin", label: "Staff" });
    items.push({ href: "/admin/settings", label: "Settings" });
    items.push({ href: "/admin/audit", label: "Audit trail" });
    items.push({ href: "/admin/outbox", label: "Email outbox" });
  }
  return items;
}
