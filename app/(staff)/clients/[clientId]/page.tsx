import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/clients";
import { AppError } from "@/lib/http/errors";
import { can } from "@/lib/auth/scopes";
import { ClientRecord } from "./client-record";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clients.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const client = await getClientOrThrow(await getDb(), actor, clientId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return (
    <ClientRecord
      initial={client}
      permissions={{
        write: can(actor, "clients.write"), archive: can(actor, "clients.archive"), invite: can(actor, "clients.invite"),
        clinicalRead: can(actor, "clinical.read"), clinicalWrite: can(actor, "clinical.write"),
      }}
      timeZone={actor.clinicTimezone}
    />
  );
}
