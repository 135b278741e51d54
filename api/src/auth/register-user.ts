import type { TRegisterRequest } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import { hashPassword } from "./password.ts";

/** Creates an account. Emails are unique; a duplicate is a 409 without saying more. */
export async function registerUser(options: { db: Db; input: TRegisterRequest }): Promise<{ userId: string }> {
  const { password, ...profile } = options.input;
  try {
    const user = await options.db.user.create({ data: { ...profile, passwordHash: await hashPassword(password) } });
    return { userId: user.id };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", "An account with this email already exists.");
    }
    throw err;
  }
}
