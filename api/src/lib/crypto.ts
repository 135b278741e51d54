import { createHash, randomBytes } from "node:crypto";

/** An unguessable URL-safe token (256 bits). */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** Tokens are stored hashed so that reading the database does not hand out live credentials. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
