import type { TQaExportRow } from "@plenary/shared";
import { requireAction, type QaActor } from "./qa.access.ts";
import { isoTime as iso, type QaStore } from "./qa.repository.ts";

/**
 * The session's questions for the moderators' records, oldest first, with exact vote counts
 * from the Vote rows. Anonymous askers are not named; withdrawn questions are left out (their
 * askers took them back).
 */
export async function exportQuestions(options: { store: QaStore; actor: QaActor; sessionId: string }): Promise<TQaExportRow[]> {
  const { store, actor, sessionId } = options;
  await requireAction(store.sql, actor, sessionId, "qa.moderate");
  return store.sql<TQaExportRow>(
    `SELECT q.id, q.text, q.language, q.status::text AS status,
            (SELECT count(*)::int FROM "Vote" v WHERE v."questionId" = q.id) AS votes,
            q.anonymous, CASE WHEN q.anonymous THEN NULL ELSE u."displayName" END AS author,
            q.reply, q."mergedIntoId", ${iso('q."createdAt"')} AS "createdAt", ${iso('q."publishedAt"')} AS "publishedAt",
            ${iso('q."answeredAt"')} AS "answeredAt", ${iso('q."repliedAt"')} AS "repliedAt"
       FROM "Question" q JOIN "User" u ON u.id = q."authorId"
      WHERE q."sessionId" = $1::uuid AND q.status <> 'WITHDRAWN'
      ORDER BY q."createdAt", q.id`,
    [sessionId],
  );
}

const CSV_COLUMNS: (keyof TQaExportRow)[] = ["id", "createdAt", "status", "language", "votes", "text", "anonymous", "author", "reply", "repliedAt", "publishedAt", "answeredAt", "mergedIntoId"];

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Arabic, Chinese and
 * Cyrillic correctly). Cells that a spreadsheet would run as a formula get a leading apostrophe.
 */
export function toCsv(rows: TQaExportRow[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(","), ...rows.map((row) => CSV_COLUMNS.map((c) => cell(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
