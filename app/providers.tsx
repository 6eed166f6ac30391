"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

// No next-auth SessionProvider: pages get the session on the server, and the provider's
// parallel first fetches each set a different CSRF cookie, so the first sign-in after a
// fresh start could fail with a CSRF mismatch when a late response overwrote the cookie.
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
