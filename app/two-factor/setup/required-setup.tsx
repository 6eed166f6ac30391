"use client";
import { useRouter } from "next/navigation";
import type { TwoFactorStatus } from "@/lib/identity/two-factor/schemas";
import { TwoFactorPanel } from "@/app/_components/two-factor/two-factor-panel";

/** After the codes are saved, the person goes on to their work (the home page picks where). */
export function RequiredSetup({ initial }: { initial: TwoFactorStatus }) {
  const router = useRouter();
  return (
    <TwoFactorPanel
      initial={initial}
      onEnrolledDone={() => {
        router.replace("/");
        router.refresh();
      }}
    />
  );
}
