import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTotp } from "@/db/schema";

/** Is two-factor on (confirmed) for this login? */
export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, userId));
  return Boolean(row?.at);
}
