// What the claims export writes about a claim's discussion (lib/export/kinds.ts reads these): SQL
// expressions over the export's `claims c`, constants with no input in them.

const CLAIM_COMMENTS = `comment_threads th JOIN comments cm ON cm.thread_id = th.id WHERE th.entity_type = 'claim' AND th.entity_id = c.id`;

const iso = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const CLAIM_COMMENT_COUNT_SQL = `(SELECT count(*)::int FROM ${CLAIM_COMMENTS})`;

export const CLAIM_LAST_COMMENT_SQL = `(SELECT coalesce(au.email, 'a deleted user') || ': ' || cm.body
  FROM ${CLAIM_COMMENTS.replace(" WHERE", " LEFT JOIN users au ON au.id = cm.author_id WHERE")} ORDER BY cm.id DESC LIMIT 1)`;

/** Each thread oldest first: resolved when and by whom, and its comments with author, times and earlier wordings. */
export const CLAIM_COMMENT_THREADS_SQL = `(SELECT coalesce(json_agg(json_build_object(
    'id', th.id,
    'resolved_at', ${iso("th.resolved_at")},
    'resolved_by', ru.email,
    'comments', (SELECT coalesce(json_agg(json_build_object(
        'id', cm.id,
        'author', au.email,
        'body', cm.body,
        'created_at', ${iso("cm.created_at")},
        'edited_at', ${iso("cm.edited_at")},
        'earlier_versions', (SELECT coalesce(json_agg(ce.body ORDER BY ce.id), '[]'::json) FROM comment_edits ce WHERE ce.comment_id = cm.id)
      ) ORDER BY cm.id), '[]'::json)
      FROM comments cm LEFT JOIN users au ON au.id = cm.author_id WHERE cm.thread_id = th.id)
  ) ORDER BY th.id), '[]'::json)
  FROM comment_threads th LEFT JOIN users ru ON ru.id = th.resolved_by_id WHERE th.entity_type = 'claim' AND th.entity_id = c.id)`;
