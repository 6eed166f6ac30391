import type { ReactNode } from "react";
import { loadPortalItem } from "./load-item";

/** Refuses another client's exercise before loading.tsx streams (see load-item.ts). */
export default async function PortalItemLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ itemId: string }>;
}) {
  await loadPortalItem((await params).itemId);
  return children;
}
