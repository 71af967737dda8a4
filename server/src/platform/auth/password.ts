import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read) */
const ARGON2ID = 2 as Algorithm;

/** argon2id, OWASP's minimum profile (19 MiB, 2 passes). */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

export async function verifyPassword(hashed: string | null, pw: string): Promise<boolean> {
  if (!hashed) {
    // spend the same time as a real check, so a missing account is not revealed by timing
    await hash(pw, OPTIONS);
    return false;
  }
  try {
    return await verify(hashed, pw);
  } catch {
    return false;
  }
}
