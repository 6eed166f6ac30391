import type { ReactNode } from "react";
import { requireClientPage } from "@/lib/clients/require-client-page";

/**
 * Answers "may you see this client, and do they exist?" above loading.tsx, so a 403 or 404
 * keeps its real status instead of streaming after the skeleton with 200. The pages check
 * again (layouts do not re-run on client navigation, so they are never the only guard).
 */
export default async function ClientFormsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ clientId: string }>;
}) {
  await requireClientPage((await params).clientId, "clinical.read");
  return children;
}
