"use client";
import { signOut } from "@/app/_lib/auth-client";
import { Menu, MenuItem, MenuLabel, MenuLink, MenuSeparator } from "@/app/_components/ui/menu";

/**
 * Who is signed in and where, with switching clinic and signing out: one button, so the bar stays one
 * row. On a phone the name and clinic are cut shorter: a long clinic name ran under the Menu button.
 */
export function AccountMenu({
  name,
  detail,
  canSwitchClinic,
}: {
  name: string;
  detail: string;
  canSwitchClinic: boolean;
}) {
  return (
    <Menu
      align="end"
      label={
        <span className="text-right leading-tight">
          <span className="block max-w-32 truncate sm:max-w-48 font-medium text-ink">{name}</span>
          <span className="block max-w-32 truncate sm:max-w-48 text-xs font-normal text-muted">{detail}</span>
        </span>
      }
      triggerClassName="hover:bg-stone-100"
    >
      <MenuLabel>
        Signed in as {name}
        <br />
        {detail}
      </MenuLabel>
      <MenuSeparator />
      {canSwitchClinic ? <MenuLink href="/select-clinic">Switch clinic</MenuLink> : null}
      <MenuLink href="/account/two-factor">Two-factor sign-in</MenuLink>
      <MenuLink href="/account/devices">Signed-in devices</MenuLink>
      <MenuItem onSelect={() => void signOut({ callbackUrl: "/signin" })}>Sign out</MenuItem>
    </Menu>
  );
}
