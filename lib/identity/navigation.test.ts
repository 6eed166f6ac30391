import { describe, expect, it } from "vitest";
import { currentHref, isNavGroup, navHrefs, staffNav } from "./navigation";

describe("staff navigation", () => {
  it("marks exactly one entry current, the most specific", () => {
    const hrefs = navHrefs(staffNav(["admin", "therapist"]));
    expect(currentHref("/admin/settings", hrefs)).toBe("/admin/settings");
    expect(currentHref("/admin", hrefs)).toBe("/admin");
    expect(currentHref("/admin/audit", hrefs)).toBe("/admin/audit");
    expect(currentHref("/clients/123/chart", hrefs)).toBe("/clients");
    expect(currentHref("/visits/abc", hrefs)).toBeNull();
    expect(currentHref("/calendarx", hrefs)).toBeNull();
  });

  it("groups the admin pages under Clinic and the reference pages under Library", () => {
    const admin = staffNav(["admin"]);
    const clinic = admin.find((e) => e.label === "Clinic");
    expect(clinic && isNavGroup(clinic) ? clinic.items.map((i) => i.label) : []).toEqual([
      "Staff",
      "Settings",
      "Audit trail",
      "Messages",
      "Background jobs",
    ]);
    expect(admin.length).toBeLessThanOrEqual(7);
    const therapist = staffNav(["therapist"]);
    expect(therapist.map((e) => e.label)).toEqual([
      "Dashboard",
      "Calendar",
      "Clients",
      "Waitlist",
      "Availability",
      "Library",
    ]);
    expect(navHrefs(therapist)).not.toContain("/admin");
  });
});
