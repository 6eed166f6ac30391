import { ImageResponse } from "next/og";

// The home-screen icon for iOS: the same mark as app/icon.svg, full-bleed (iOS rounds the corners itself).
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", background: "#0f5c63" }}>
      <svg viewBox="0 0 64 64" width="180" height="180">
        <g fill="none" stroke="#ffffff" strokeWidth="4.5" strokeLinecap="round">
          <path d="M9 20 C 21 20 24 29 32 29 S 43 20 55 20" />
          <path d="M9 44 C 21 44 24 35 32 35 S 43 44 55 44" />
        </g>
        <circle cx="32" cy="32" r="7.5" fill="#ffffff" />
      </svg>
    </div>,
    size,
  );
}
