/** Decodes a JWT's claims without verifying it (the tests check what the api put in). */
export function jwtDecode(token: string): any {
  const [, payload] = token.split(".");
  return JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
}
