"use client";

// Upload or paste → preview of what saving would do → correct the metadata → save. The file is
// sent again on save, so the server never trusts a preview.
import { useState } from "react";
import Link from "next/link";
import { importJobSchema, queuedImportSchema, type ImportJobView } from "@/lib/import/job-schema";
import { importPreviewSchema, type ImportPreview, type SavedImport } from "@/lib/import/preview-schema";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/ingest/schema";
import { textRuns } from "@/lib/sources/highlight";
import { DEFAULT_CHECK_WORTHINESS_THRESHOLD } from "@/lib/facets/check-worthiness";
import styles from "./import-form.module.css";
import { countOf } from "@/lib/format/plural";
import { ATTRIBUTION_LABELS, RELIABILITY_LABELS } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";

type Fields = Record<(typeof FIELD_NAMES)[number], string>;
type FieldErrors = Record<string, string[]>;
interface SourceOption {
  id: number;
  slug: string;
  title: string;
}

const FIELD_NAMES = ["title", "kind", "publisher", "author", "publishedDate", "url", "language", "reliability", "notes", "slug"] as const;

const MATCH_REASONS: Record<string, string> = {
  slug: "it has the same title",
  url: "it has the same web address",
  chosen: "you chose it",
};

/** How often the page asks how a queued import is doing. */
const POLL_INTERVAL_MS = 1000;

// An answer the preview schema refuses is shown as a sentence, never half-rendered.
const UNREADABLE_ANSWER = "The server's answer could not be read. Reload the page and try again.";

function emptyFields(): Fields {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, ""])) as Fields;
}

async function post(url: string, body: FormData): Promise<{ ok: true; data: unknown } | { ok: false; message: string; fieldErrors: FieldErrors }> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again.", fieldErrors: {} };
  }
  const json = (await response.json().catch(() => null)) as { error?: string; fieldErrors?: FieldErrors } | null;
  if (!response.ok) {
    return { ok: false, message: json?.error ?? `The server answered ${response.status}.`, fieldErrors: json?.fieldErrors ?? {} };
  }
  return { ok: true, data: json };
}

/** Asks the job's status route until the job has finished or failed; `onProgress` sees every answer. */
async function followJob(statusUrl: string, onProgress: (job: ImportJobView) => void): Promise<ImportJobView | string> {
  for (;;) {
    let response: Response;
    try {
      response = await fetch(statusUrl, { cache: "no-store" });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      continue;
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) return (json as { error?: string } | null)?.error ?? `The server answered ${response.status}.`;
    const parsed = importJobSchema.safeParse(json);
    if (!parsed.success) return UNREADABLE_ANSWER;
    onProgress(parsed.data);
    if (parsed.data.status === "finished" || parsed.data.status === "failed") return parsed.data;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function FieldError({ errors }: { errors?: string[] }) {
  return errors?.length ? (
    <span className={styles.fieldError} role="alert">
      {errors.join(" ")}
    </span>
  ) : null;
}

function PreviewText({ preview }: { preview: ImportPreview }) {
  const runs = textRuns(
    preview.text,
    preview.claims.map((claim, index) => ({ id: index, startOffset: claim.start, endOffset: claim.end })),
  );
  return (
    <div className={`source-text ${styles.previewText}`} data-testid="preview-text">
      {runs.map((run) =>
        run.claimIds.length === 0 ? (
          <span key={run.start}>{run.text}</span>
        ) : (
          <mark key={run.start} className="claim status-unreviewed" title={preview.claims[run.claimIds[0]!]?.speaker ?? "author's voice"}>
            {run.text}
          </mark>
        ),
      )}
    </div>
  );
}

/** A new speaker spelled almost like a stored actor gets a one-click join (undone by a second click). */
function SpeakerChoices({
  speakers,
  sameAs,
  onChange,
}: {
  speakers: ImportPreview["speakers"];
  sameAs: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
}) {
  const suggested = speakers.filter((speaker) => !speaker.actor && speaker.similar.length > 0);
  if (suggested.length === 0) return null;
  return (
    <div className="card" data-testid="speaker-suggestions">
      <h3>Possibly known speakers</h3>
      <ul className="plain-list">
        {suggested.map((speaker) => (
          <li key={speaker.name}>
            <strong>{speaker.name}</strong> is possibly the same as{" "}
            {speaker.similar.map((actor, index) => {
              const joined = sameAs[speaker.name] === actor.id;
              return (
                <span key={actor.id}>
                  {index > 0 && " or "}
                  <a href={`/actors/${actor.id}`} target="_blank" rel="noreferrer">
                    {actor.name}
                  </a>{" "}
                  <button
                    type="button"
                    aria-pressed={joined}
                    onClick={() => {
                      const next = { ...sameAs };
                      if (joined) delete next[speaker.name];
                      else next[speaker.name] = actor.id;
                      onChange(next);
                    }}
                  >
                    {joined ? `Joined to ${actor.name} (undo)` : `Join ${actor.name}`}
                  </button>
                </span>
              );
            })}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Joining files this speaker&rsquo;s claims under the stored actor and records the spelling as an alias. Nothing is joined unless you click.
      </p>
    </div>
  );
}

function MatchNotice({ preview }: { preview: ImportPreview }) {
  const { match } = preview;
  if (!match) return null;
  if (match.matchedBy === "text") {
    return (
      <p className="notice" data-testid="duplicate-notice">
        This exact text is already stored as <Link href={`/sources/${match.slug}`}>{match.title}</Link>. Saving links the import to it and writes nothing new.
      </p>
    );
  }
  return (
    <p className="notice" data-testid="version-notice">
      Saving stores this as a new version of <Link href={`/sources/${match.slug}`}>{match.title}</Link> ({MATCH_REASONS[match.matchedBy]}). Of its{" "}
      {countOf(match.claimCount, "claim", "claims")}, {match.claimsStaying} stay where they are, {match.claimsReanchored} are re-anchored to the changed text
      {match.claimsLosingTheirText > 0 && `, and ${match.claimsLosingTheirText} no longer appear in it and will be flagged for review`}. Nothing an editor
      changed is overwritten.
    </p>
  );
}

export function ImportForm({ sources }: { sources: SourceOption[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [target, setTarget] = useState("new");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<SavedImport | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [sameAs, setSameAs] = useState<Record<string, number>>({});

  function documentForm(): FormData {
    const form = new FormData();
    if (file) form.set("file", file);
    else form.set("text", pasted);
    return form;
  }

  async function read(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await post("/api/import/preview", documentForm());
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const parsed = importPreviewSchema.safeParse(result.data);
    if (!parsed.success) {
      setError(UNREADABLE_ANSWER);
      return;
    }
    const next = parsed.data;
    const { guesses } = next;
    setPreview(next);
    setSameAs({});
    setFields({
      ...emptyFields(),
      title: guesses.title ?? "",
      author: guesses.author ?? "",
      publisher: guesses.publisher ?? "",
      publishedDate: guesses.publishedDate ?? "",
      url: guesses.url ?? "",
      language: guesses.language ?? "en",
      kind: guesses.kind ?? "",
    });
    setTarget(next.match ? String(next.match.sourceId) : "new");
  }

  async function changeTarget(value: string) {
    setTarget(value);
    const form = documentForm();
    form.set("target", value);
    if (fields.url) form.set("url", fields.url);
    const result = await post("/api/import/preview", form);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const parsed = importPreviewSchema.safeParse(result.data);
    if (parsed.success) setPreview(parsed.data);
    else setError(UNREADABLE_ANSWER);
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const form = documentForm();
    for (const name of FIELD_NAMES) form.set(name, fields[name]);
    form.set("target", target);
    for (const [speaker, actorId] of Object.entries(sameAs)) form.append("sameAs", `${actorId}:${speaker}`);
    const result = await post("/api/import", form);
    if (!result.ok) {
      setPending(false);
      const fieldCount = Object.keys(result.fieldErrors).length;
      // The server's sentence lists every field for the command line; the form shows each by its field.
      setError(fieldCount > 0 ? "Some fields need attention; see the messages beside them." : result.message);
      setFieldErrors(result.fieldErrors);
      return;
    }
    // The server queued the import (202); the worker saves it while this page shows its progress.
    const queued = queuedImportSchema.safeParse(result.data);
    if (!queued.success) {
      setPending(false);
      setError("The import was queued, but the server's answer could not be read. Find it on the sources page in a while.");
      return;
    }
    const ended = await followJob(queued.data.statusUrl, setJob);
    setPending(false);
    setJob(null);
    if (typeof ended === "string") setError(ended);
    else if (ended.status === "finished" && ended.result) setSaved(ended.result);
    else setError(`The import failed: ${ended.error ?? "no reason was recorded"}`);
  }

  function startOver() {
    setFile(null);
    setPasted("");
    setPreview(null);
    setSameAs({});
    setSaved(null);
    setError(null);
    setFieldErrors({});
    setFileInputKey((key) => key + 1);
  }

  const set = (name: keyof Fields) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  if (job) {
    return (
      <div className={styles.panel}>
        <p className="notice" role="status" aria-live="polite" data-testid="import-progress">
          Importing {job.fileName}: {job.phase}
          {job.attempts > 1 ? ` (attempt ${job.attempts})` : ""}…
        </p>
        <p className={styles.hint}>You can leave this page; the import goes on, and the source appears on the sources page when it is saved.</p>
      </div>
    );
  }

  if (saved) {
    return (
      <div className={styles.panel}>
        <p className="notice" role="status" data-testid="import-saved">
          Saved: {saved.description}.
        </p>
        <div className={styles.buttons}>
          <Link href={`/sources/${saved.slug}`}>Read the source</Link>
          <Link href={`/claims?source=${encodeURIComponent(saved.slug)}`}>Review its claims</Link>
          <button type="button" onClick={startOver}>
            Import another document
          </button>
        </div>
      </div>
    );
  }

  if (!preview) {
    return (
      <form className={`form ${styles.panel} ${styles.choose}`} onSubmit={read} aria-label="Choose a document">
        <label>
          File
          <input
            key={fileInputKey}
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <span className={styles.hint}>The type is read from the file&rsquo;s content, not its name.</span>
        </label>
        <p className={styles.or}>or</p>
        <label>
          Paste text
          <textarea name="text" rows={8} value={pasted} onChange={(event) => setPasted(event.target.value)} disabled={!!file} />
          {file && <span className={styles.hint}>A file is chosen; it is read instead of pasted text.</span>}
        </label>
        {error && (
          <p className="error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="submit" className={styles.primary} disabled={pending || (!file && pasted.trim() === "")}>
            {pending ? "Reading…" : "Read document"}
          </button>
        </div>
      </form>
    );
  }

  const speakers = new Set(preview.claims.flatMap((claim) => (claim.speaker ? [claim.speaker] : [])));
  const newClaims = preview.claims.filter((claim) => !claim.alreadyStored).length;
  return (
    <div className={styles.steps}>
      <form className={`form ${styles.panel}`} onSubmit={save} aria-label="Metadata" noValidate>
        <h2>Metadata</h2>
        <p className="muted">Pre-filled from the document; correct anything that is wrong.</p>
        <label>
          Save as
          <select name="target" value={target} onChange={(event) => void changeTarget(event.target.value)} disabled={pending}>
            <option value="new">A new source</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                New version of: {source.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input name="title" value={fields.title} onChange={set("title")} required maxLength={500} />
          <FieldError errors={fieldErrors.title} />
        </label>
        <label>
          Kind
          <select name="kind" value={fields.kind} onChange={set("kind")} required>
            <option value="">Choose a kind…</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.kind} />
        </label>
        <label>
          Publisher
          <input name="publisher" value={fields.publisher} onChange={set("publisher")} />
          <FieldError errors={fieldErrors.publisher} />
        </label>
        <label>
          Author
          <input name="author" value={fields.author} onChange={set("author")} />
          <FieldError errors={fieldErrors.author} />
        </label>
        <label>
          Date
          <input name="publishedDate" value={fields.publishedDate} onChange={set("publishedDate")} placeholder="2004-06-11, 11 June 2004, June 2004" />
          <FieldError errors={fieldErrors.publishedDate} />
        </label>
        <label>
          URL
          <input name="url" type="url" value={fields.url} onChange={set("url")} placeholder="https://…" />
          <FieldError errors={fieldErrors.url} />
        </label>
        <label>
          Language
          <input name="language" value={fields.language} onChange={set("language")} placeholder="en" />
          <FieldError errors={fieldErrors.language} />
        </label>
        <label>
          Reliability
          <select name="reliability" value={fields.reliability} onChange={set("reliability")}>
            <option value="">Not judged yet (F)</option>
            {RELIABILITIES.map((grade) => (
              <option key={grade} value={grade}>
                {RELIABILITY_LABELS[grade]}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.reliability} />
        </label>
        <label>
          Notes
          <textarea name="notes" rows={3} value={fields.notes} onChange={set("notes")} />
          <FieldError errors={fieldErrors.notes} />
        </label>
        {target === "new" && (
          <label>
            Slug <span className={styles.hint}>(the address of the source page; leave empty to use {preview.suggestedSlug})</span>
            <input name="slug" value={fields.slug} onChange={set("slug")} placeholder={preview.suggestedSlug} />
            <FieldError errors={fieldErrors.slug} />
          </label>
        )}
        {error && (
          <p className="error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="submit" className={styles.primary} disabled={pending}>
            {pending ? "Saving…" : "Save import"}
          </button>
          <button type="button" onClick={startOver} disabled={pending}>
            Start over
          </button>
        </div>
      </form>

      <section className={styles.panel} aria-label="Preview" data-testid="import-preview">
        <h2>Preview</h2>
        <p className="muted" data-testid="preview-summary">
          {preview.file} · {preview.formatLabel} · {countOf(preview.claims.length, "claim", "claims")} ({newClaims} new) ·{" "}
          {countOf(speakers.size, "speaker", "speakers")}
        </p>
        <MatchNotice preview={preview} />
        <SpeakerChoices speakers={preview.speakers} sameAs={sameAs} onChange={setSameAs} />
        {preview.claims.length === 0 && <p className="muted">No attributed statements were found; the text is saved and editors can mark claims by hand.</p>}
        {preview.claims.length > 0 && (
          <table className={`table ${styles.claims}`} data-testid="preview-claims">
            <colgroup>
              <col className={styles.speakerColumn} />
              <col />
              <col className={styles.howColumn} />
              <col className={styles.worthColumn} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                <th scope="col">Claim</th>
                <th scope="col">How</th>
                <th scope="col" className="num" title="Check-worthiness 0–100">
                  Worth
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.claims.map((claim) => (
                <tr
                  key={`${claim.start}:${claim.end}`}
                  data-testid="preview-claim"
                  className={claim.checkWorthiness < DEFAULT_CHECK_WORTHINESS_THRESHOLD ? "muted" : undefined}
                >
                  <td>
                    {claim.speaker ?? <span className="muted">author&rsquo;s voice</span>}
                    {claim.speaker && !claim.knownSpeaker && !sameAs[claim.speaker] && (
                      <>
                        {" "}
                        <span className={styles.new}>new actor</span>
                      </>
                    )}
                  </td>
                  <td>
                    {claim.quote}
                    {claim.alreadyStored && (
                      <>
                        {" "}
                        <span className={styles.new}>already stored</span>
                      </>
                    )}
                  </td>
                  <td>
                    {ATTRIBUTION_LABELS[claim.attribution]}
                    {claim.cue && ` · “${claim.cue}”`}
                  </td>
                  <td className="num" data-testid="preview-worth">
                    {claim.checkWorthiness}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Extracted text</h3>
        <PreviewText preview={preview} />
      </section>
    </div>
  );
}
