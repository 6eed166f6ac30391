import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { getPlatformDb } from "@/db";
import { currentSession } from "./session";
import { listUserClinics, type ClinicChoice } from "./actor";

/**
 * The signed-in person's clinics (for the chooser and switcher), or null when signed out.
 * Cached per request: the layout and the page both ask.
 */
export const listMyClinics = cache(async (): Promise<ClinicChoice[] | null> => {
  await connection();
  const session = await currentSession();
  if (!session) return null;
  return listUserClinics(await getPlatformDb(), session.userId);
});
