import "server-only";
import { renderLayout } from "./layout";

export interface Notice {
  subject: string;
  heading: string;
  lead: string;
  /** The button (and its link written out in the text); none when there is nothing to open. */
  action: { label: string; href: string } | null;
  notes: string[];
  /** The clinic's name in the sign-off, or none for platform mail (password reset). */
  clinicName: string | null;
  lang?: string;
}

/**
 * Invitations and password resets on the same react-email layout as appointment messages: HTML
 * with a button, and its plain-text twin with the link written out (for clients that show text).
 */
export async function renderNoticeEmail(n: Notice) {
  const { html, text } = await renderLayout({
    lang: n.lang ?? "en",
    preview: n.lead,
    heading: n.heading,
    greeting: "Hello,",
    lead: n.lead,
    details: [],
    action: n.action,
    notes: n.notes,
    signOff: n.clinicName ? `${n.clinicName}, through Knotwork` : "Knotwork",
  });
  return { subject: n.subject, html, text };
}
