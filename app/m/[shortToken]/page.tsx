import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getPlatformDb } from "@/lib/server-db";
import { resolveShortLink } from "@/lib/messaging/short-link";

/**
 * The short link in a text message (lib/messaging/short-link.ts): sends the client on to the signed
 * appointment page, which does the rest. Unknown and expired links are the same 404.
 */
export default async function ShortLinkPage({ params }: { params: Promise<{ shortToken: string }> }) {
  await connection();
  const signed = await resolveShortLink(await getPlatformDb(), (await params).shortToken);
  if (!signed) notFound();
  redirect(`/appointment/${signed}`);
}
