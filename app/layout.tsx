import type { Metadata, Viewport } from "next";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Knotwork", template: "%s · Knotwork" },
  description: "Practice management for trigger point clinics",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f5c63" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
