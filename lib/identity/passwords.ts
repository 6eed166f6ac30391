import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's minimum recommendation (19 MiB, 2 iterations, parallelism 1).
 * Parameters are stored inside each hash, so raising them later still verifies old hashes.
 */
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the account does not exist keeps response
// times alike, so sign-in timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("knotwork-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
