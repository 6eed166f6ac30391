import type { MetadataRoute } from "next";

/** Lets staff and clients add Knotwork to a home screen with its own name and icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Knotwork",
    short_name: "Knotwork",
    description: "Practice management for trigger-point clinics",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f5c63",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
