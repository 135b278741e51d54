import * as S from "@plenary/shared";
import { z } from "zod";

interface Operation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  auth?: "user" | "organiser" | "livekit-signature";
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
}

const ZRoles = z.object({ roles: z.array(S.ZRoleAssignment) });
const ZAccepted = z.object({ sessionId: z.string(), role: S.ZStaffRole });

/** Every REST route, described by the same zod schemas the handlers validate with. */
const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/health", summary: "Database and LiveKit status", response: S.ZHealth },
  { method: "post", path: "/api/auth/register", summary: "Create an account and sign in", body: S.ZRegisterRequest, response: S.ZMe, status: 201 },
  { method: "post", path: "/api/auth/login", summary: "Sign in (sets the session cookie)", body: S.ZLoginRequest, response: S.ZMe },
  { method: "post", path: "/api/auth/logout", summary: "Sign out", status: 204 },
  { method: "get", path: "/api/me", summary: "The signed-in user's profile and roles", auth: "user", response: S.ZMe },
  { method: "patch", path: "/api/me", summary: "Update the profile", auth: "user", body: S.ZUpdateProfileRequest, response: S.ZMe },
  { method: "get", path: "/api/sessions", summary: "The agenda, filtered", query: S.ZAgendaQuery, response: S.ZAgendaResponse },
  { method: "post", path: "/api/sessions", summary: "Create a session", auth: "organiser", body: S.ZCreateSessionRequest, response: S.ZSession, status: 201 },
  { method: "get", path: "/api/sessions/{id}", summary: "One session", response: S.ZSession },
  { method: "patch", path: "/api/sessions/{id}", summary: "Edit a session", auth: "organiser", body: S.ZUpdateSessionRequest, response: S.ZSession },
  { method: "post", path: "/api/sessions/{id}/status", summary: "Open (go live) or close a session", auth: "organiser", body: S.ZSetStatusRequest, response: S.ZSession },
  { method: "post", path: "/api/sessions/{id}/token", summary: "A LiveKit token for this session in one role", auth: "user", body: S.ZTokenRequest, response: S.ZConnectionDetails },
  { method: "get", path: "/api/sessions/{id}/roles", summary: "Role assignments", auth: "organiser", response: ZRoles },
  { method: "post", path: "/api/sessions/{id}/roles", summary: "Assign a role", auth: "organiser", body: S.ZAssignRoleRequest, response: ZRoles, status: 201 },
  { method: "delete", path: "/api/sessions/{id}/roles/{assignmentId}", summary: "Remove a role", auth: "organiser", response: ZRoles },
  { method: "post", path: "/api/sessions/{id}/invitations", summary: "Create a role invitation link", auth: "organiser", body: S.ZCreateInvitationRequest, response: S.ZInvitationResponse, status: 201 },
  { method: "post", path: "/api/invitations/accept", summary: "Accept a role invitation", auth: "user", body: S.ZAcceptInvitationRequest, response: ZAccepted },
  { method: "get", path: "/api/agenda.ics", summary: "iCalendar export of the whole event" },
  { method: "get", path: "/api/sessions/{id}/calendar.ics", summary: "iCalendar export of one session" },
  { method: "get", path: "/api/sessions/{id}/qa/export", summary: "The session's questions as CSV or JSON (moderators)", auth: "user", query: S.ZQaExportQuery },
  { method: "post", path: "/api/sessions/{id}/qa/presenter-links", summary: "A read-only venue-screen link (moderators)", auth: "user", response: S.ZPresenterLinkResponse, status: 201 },
  { method: "post", path: "/api/qa/presenter-links/verify", summary: "Check a presenter link and name its session", body: S.ZPresenterVerifyRequest, response: S.ZPresenterVerifyResponse },
  { method: "post", path: "/api/sessions/{id}/listen-links", summary: "A guest link to the listen-only page (moderators)", auth: "user", body: S.ZCreateListenLinkRequest, response: S.ZListenLinkCreated, status: 201 },
  { method: "get", path: "/api/sessions/{id}/listen-links", summary: "The session's guest listen links (moderators)", auth: "user", response: S.ZListenLinkList },
  { method: "post", path: "/api/sessions/{id}/listen-links/{linkId}/revoke", summary: "Revoke a guest listen link; its guests are cut off at once", auth: "user", response: S.ZListenLink },
  { method: "post", path: "/api/listen/token", summary: "A listen-only LiveKit token for a guest link (rate limited)", body: S.ZGuestTokenRequest, response: S.ZConnectionDetails },
  { method: "post", path: "/api/livekit/webhook", summary: "LiveKit webhook receiver (signed)", auth: "livekit-signature" },
];

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

/** Builds the OpenAPI 3.1 document once; it is static for a given build. */
export function buildOpenApi(version: string, extra: Operation[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: "Error", content: { "application/json": { schema: schema(S.ZErrorBody, "output") } } };
  for (const op of [...OPERATIONS, ...extra]) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    if (op.query) {
      for (const [name, field] of Object.entries(op.query.shape)) {
        params.push({ name, in: "query", required: false, schema: schema(field as z.ZodType, "input") as { type: string } });
      }
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.auth === "user" || op.auth === "organiser" ? { security: [{ cookieAuth: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } } : {}),
      responses: {
        [String(op.status ?? 200)]: op.response
          ? { description: "OK", content: { "application/json": { schema: schema(op.response, "output") } } }
          : { description: "OK" },
        default: errorResponse,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Plenary API", version, description: "Hybrid session streaming hub for multilingual conferences." },
    components: { securitySchemes: { cookieAuth: { type: "apiKey", in: "cookie", name: "plenary_session" } } },
    paths,
  };
}

export type { Operation as OpenApiOperation };
