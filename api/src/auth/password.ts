import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. `2` is Algorithm.Argon2id, a const enum
// that isolated modules cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// Verifying against a real hash when the email is unknown keeps response times alike, so the
// login endpoint does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("plenary-timing-equaliser");
  const ok = await verify(storedHash ?? (await dummyHash), password).catch(() => false);
  return storedHash !== undefined && ok;
}
