import "server-only";
import { createElement } from "react";
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { render } from "@react-email/render";
import { Text } from "@react-email/text";

/*
 * One layout for every appointment message (confirmation, change, cancellation, reminder), and for
 * invitations, password resets and waitlist offers. The words come from lib/messaging/appointment-copy.ts (or
 * notice-email.ts), already in the clinic's locale and zone; this file only lays them out. Inline styles because mail clients drop <style>; 4.5:1 contrast or better.
 */
const body = { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", color: "#18181b" };
const card = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", borderRadius: "8px" };
const label = { fontSize: "13px", color: "#52525b" };
const value = { margin: "0 0 12px", fontSize: "16px" };
const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  padding: "12px 18px",
  borderRadius: "6px",
  fontSize: "16px",
  textDecoration: "none",
};

/** What the layout shows, already in the reader's language: appointment messages, invitations and resets. */
export interface EmailLayoutCopy {
  lang: string;
  preview: string;
  heading: string;
  greeting: string;
  lead: string;
  details: { label: string; value: string; struck?: boolean }[];
  action: { label: string; href: string } | null;
  notes: string[];
  signOff: string;
  /** A list under the details: the dates of a series (lib/messaging/series-copy.ts). */
  list?: { label: string; items: { value: string; struck?: boolean }[] } | null;
}

export function EmailLayout({ copy }: { copy: EmailLayoutCopy }) {
  return (
    <Html lang={copy.lang}>
      <Head />
      <Preview>{copy.preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: "22px", margin: "0 0 16px" }}>
            {copy.heading}
          </Heading>
          <Text style={value}>{copy.greeting}</Text>
          <Text style={value}>{copy.lead}</Text>
          <Section>
            {copy.details.map((d) => (
              <Text key={d.label} style={value}>
                <span style={label}>{d.label}:</span>
                <br />
                <span style={d.struck ? { textDecoration: "line-through" } : undefined}>{d.value}</span>
              </Text>
            ))}
          </Section>
          {copy.list ? (
            <Section>
              <Text style={{ ...value, margin: "0 0 4px" }}>
                <span style={label}>{copy.list.label}:</span>
              </Text>
              <ul style={{ margin: "0 0 12px", paddingLeft: "20px", fontSize: "16px" }}>
                {copy.list.items.map((item) => (
                  <li key={item.value} style={item.struck ? { textDecoration: "line-through" } : undefined}>
                    {item.value}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {copy.action ? (
            <Section style={{ margin: "8px 0 16px" }}>
              <Button href={copy.action.href} style={button}>
                {copy.action.label}
              </Button>
            </Section>
          ) : null}
          {copy.notes.map((n) => (
            <Text key={n} style={value}>
              {n}
            </Text>
          ))}
          <Hr />
          <Text style={{ ...value, color: "#52525b" }}>{copy.signOff}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The layout as HTML and as react-email's own plain-text conversion of it, so the two never drift. */
export async function renderLayout(copy: EmailLayoutCopy): Promise<{ html: string; text: string }> {
  const element = createElement(EmailLayout, { copy });
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      // A heading reads as a sentence in plain text, not shouted in capitals.
      htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] },
    }),
  ]);
  return { html, text };
}
