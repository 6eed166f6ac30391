import type { ReactNode } from "react";
import { requireClientPage } from "@/lib/clients/require-client-page";

/**
 * Checks "may you see this client's programmes, and does the client exist?" above loading.tsx,
 * so a 403 or 404 keeps its real status. Each page checks again (layouts do not re-run on
 * client navigation).
 */
export default async function ProgrammesLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ clientId: string }>;
}) {
  await requireClientPage((await params).clientId, "programmes.read", undefined, "programmes");
  return children;
}
