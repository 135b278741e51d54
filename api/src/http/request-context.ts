import type { StakeholderGroup } from "../generated/prisma/client.ts";

/** The signed-in user, as resolved from the session cookie. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  isOrganiser: boolean;
  stakeholderGroup: StakeholderGroup;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: AuthUser;
      requestId: string;
    }
  }
}
