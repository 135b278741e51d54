import { type TMe, type TUpdateProfileRequest, ZMe } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** Saves profile changes (never email or password) and returns the updated profile. */
export const updateProfile = (patch: TUpdateProfileRequest): Promise<TMe> => apiRequest("/me", { method: "PATCH", body: patch, schema: ZMe });
