import Link from "next/link";
import type { NavEntry } from "@/lib/identity/navigation";
import { AccountMenu } from "./account-menu";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";
import { ArrivalFocus } from "./arrival-focus";

export interface ShellUser {
  name: string;
  clinicName: string;
  roles: string[];
  canSwitchClinic: boolean;
}

const ROLE_LABEL: Record<string, string> = { admin: "Admin", therapist: "Therapist", client: "Client" };

/** Header and navigation shared by staff areas: one row at every width (a menu below 1024 px). */
export function AppShell({ user, nav, children }: { user: ShellUser; nav: NavEntry[]; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="no-print border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl flex-nowrap items-center gap-x-4 px-4 py-2">
          <Link href="/" className="text-lg font-semibold tracking-tight text-accent-700">
            Knotwork
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center text-sm">
            <AccountMenu
              name={user.name}
              detail={`${user.clinicName} · ${user.roles.map((r) => ROLE_LABEL[r] ?? r).join(", ")}`}
              canSwitchClinic={user.canSwitchClinic}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <ArrivalFocus />
        {children}
      </main>
    </div>
  );
}
