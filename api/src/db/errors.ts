/** PostgreSQL's SQLSTATE for a unique constraint violation. */
const UNIQUE_VIOLATION = "23505";

/**
 * Whether a database error is a unique constraint violation, on either engine. PrismaPg reports it
 * as a known request error `P2002`; the PGlite adapter is older and hands Prisma the raw PostgreSQL
 * error, which surfaces as a DriverAdapterError whose `cause` carries SQLSTATE 23505; plain SQL
 * (pg, PGlite) throws that SQLSTATE directly. So the error and its causes are searched for either.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === "object" && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "P2002" || code === UNIQUE_VIOLATION) return true;
  }
  return false;
}
