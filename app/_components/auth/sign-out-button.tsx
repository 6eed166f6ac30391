"use client";
import { signOut } from "@/app/_lib/auth-client";
import { Button } from "@/app/_components/ui/button";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <Button type="button" variant="secondary" className={className} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </Button>
  );
}
