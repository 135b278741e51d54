import type { TMe, TUpdateProfileRequest } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { getMe } from "./get-me.ts";

/** Changes the fields of the user's profile that were sent; returns the whole profile. */
export async function updateProfile(options: { db: Db; userId: string; input: TUpdateProfileRequest }): Promise<TMe> {
  const { db, userId } = options;
  await db.user.update({ where: { id: userId }, data: options.input });
  return getMe({ db, userId });
}
