"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/app/_components/ui/button";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <Button type="button" variant="secondary" className={className} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </Button>
  );
}
