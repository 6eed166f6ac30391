import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/app/_components/auth/sign-out-button";
import { NavLinks, type NavItem } from "./nav-links";

export interface ShellUser {
  name: string;
  clinicName: string;
  roles: string[];
  canSwitchClinic: boolean;
}

const ROLE_LABEL: Record<string, string> = { admin: "Admin", therapist: "Therapist", client: "Client" };

/** Header and navigation shared by staff areas (desktop first, collapses on narrow screens). */
export function AppShell({ user, nav, children }: { user: ShellUser; nav: NavItem[]; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="no-print border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight text-accent-700">
            Knotwork
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <div className="text-right leading-tight">
              <p className="font-medium text-ink">{user.name}</p>
              <p className="text-muted">
                {user.clinicName} · {user.roles.map((r) => ROLE_LABEL[r] ?? r).join(", ")}
              </p>
            </div>
            {user.canSwitchClinic ? (
              <Link
                href="/select-clinic"
                className="rounded px-2 py-1 text-accent-700 underline-offset-2 hover:underline"
              >
                Switch clinic
              </Link>
            ) : null}
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
