import { type TSession, ZSession } from "@plenary/shared";
import { readApiResponse } from "../../lib/api.ts";
import { useEffect, useState } from "react";
import { useServices } from "../../app/services.ts";
import { followSession } from "../../lib/socket.ts";
import { type ApiQuery, useApiQuery } from "../../lib/useApiQuery.ts";
import { useLatest } from "../../lib/useLatest.ts";
import { fetchSession } from "./api.ts";
import { pollIntervalMs } from "./join-flow.ts";

/**
 * A session kept current: live `session:updated` broadcasts over Socket.IO, or polling when the
 * api does not (yet) let this user follow it, so a waiting attendee still sees it open.
 */
export function useLiveSession(sessionId: string): ApiQuery<TSession> {
  const { joins, sockets } = useServices();
  const query = useApiQuery(`session:${sessionId}`, (signal) => {
    const prepared = joins.takeSession(sessionId);
    return prepared ? readApiResponse(prepared, ZSession) : fetchSession(sessionId, signal);
  });
  const [following, setFollowing] = useState(false);
  const setData = useLatest(query.setData);
  const isLive = query.data?.status === "LIVE";

  // Rejoin when the session opens: attendees are only admitted to its channel once it is live.
  useEffect(
    () => followSession(sockets, sessionId, { onUpdate: (session) => setData.current(session), onFollowing: setFollowing }),
    [sockets, sessionId, isLive, setData],
  );

  const { reload, data } = query;
  useEffect(() => {
    if (following) return;
    const timer = setInterval(reload, pollIntervalMs(data, Date.now()));
    return () => clearInterval(timer);
  }, [following, reload, data]);

  return query;
}
