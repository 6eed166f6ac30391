import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Knotwork", template: "%s · Knotwork" },
  description: "Practice management for trigger point clinics",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f5c63" };

/**
 * Every page is rendered per request: the Content-Security-Policy allows only scripts carrying
 * this request's nonce (proxy.ts), and Next can stamp the nonce only on HTML it renders now. A
 * page prerendered at build time would carry no nonce and its scripts would be refused.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
