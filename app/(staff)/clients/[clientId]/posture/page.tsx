import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/server-db";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { comparePosturePhotos } from "@/lib/documents/posture-photos";
import { PHOTO_VIEWS } from "@/lib/documents/kinds";
import { recordRefused } from "@/lib/audit/record-read";
import { AppError } from "@/lib/errors";
import { PostureCompare } from "./posture-compare";

export const metadata: Metadata = { title: "Posture photos" };

const pickParams = z.object({
  view: z.enum(PHOTO_VIEWS).optional(),
  before: z.uuid().optional(),
  after: z.uuid().optional(),
});

/**
 * Two posture photos of one view side by side, from dates the therapist picks (`?view=&before=&after=`).
 * No loading.tsx on purpose: a picked id that is not this client's photo must answer a real 404,
 * which a streamed loading skeleton would turn into a 200.
 */
export default async function PosturePhotosPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "documents");
  const db = await getDb();
  const raw = await searchParams;
  const pick = pickParams.safeParse({ view: raw.view, before: raw.before, after: raw.after });
  const refuse = async (): Promise<never> => {
    const id = [raw.before, raw.after].find((v) => typeof v === "string") ?? null;
    await recordRefused(db, actor, { kind: "document", entityType: "client_document", id, reason: "not_found" });
    notFound();
  };
  if (!pick.success) await refuse();
  const comparison = await comparePosturePhotos(db, actor, client.id, pick.data).catch(async (err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") return refuse();
    throw err;
  });
  return <PostureCompare clientId={client.id} clientName={displayName(client)} initial={comparison} />;
}
