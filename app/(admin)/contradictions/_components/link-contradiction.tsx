"use client";
// Link the claim being edited to any other claim as a contradiction, found by its words, its
// speaker or "#id".
import Link from "next/link";
import { useEffect, useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { linkContradictionAction } from "@/lib/contradictions/actions";
import { CONTRADICTION_KINDS } from "@/lib/contradictions/schema";
import { KIND_LABELS } from "@/lib/contradictions/labels";
import styles from "./contradictions.module.css";

interface Found {
  id: number;
  quote: string;
  speaker: string | null;
  source: string;
}

export interface LinkContradictionProps {
  claimId: number;
}

export function LinkContradiction({ claimId }: LinkContradictionProps) {
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Found[]>([]);
  const [searchMessage, setSearchMessage] = useState<string | null>(null);
  const [otherClaimId, setOtherClaimId] = useState<number | null>(null);
  const [kind, setKind] = useState<(typeof CONTRADICTION_KINDS)[number]>("other");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ kind: "error" | "notice"; text: string; href?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setResults([]);
      setSearchMessage(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/contradictions/claim-search?${new URLSearchParams({ q: text, exclude: String(claimId) })}`, {
          signal: controller.signal,
        });
        const body = (await response.json()) as { claims?: Found[]; error?: string };
        if (!response.ok) {
          setSearchMessage(body.error ?? "The search failed.");
          return;
        }
        setResults(body.claims ?? []);
        setSearchMessage(body.claims?.length ? null : "No claim matches.");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setSearchMessage("The search failed; check your connection.");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, claimId]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await linkContradictionAction({ claimId, otherClaimId: otherClaimId ?? "", kind, rationale });
      if (result.ok) {
        setErrors({});
        setOutcome({ kind: "notice", text: `Linked as contradiction #${result.data.id}.`, href: `/contradictions/${result.data.id}` });
        setQuery("");
        setOtherClaimId(null);
        setRationale("");
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      const existing =
        result.status === 409 && result.current && typeof result.current === "object" && "id" in result.current
          ? `/contradictions/${(result.current as { id: number }).id}`
          : undefined;
      setOutcome({ kind: "error", text: result.message, href: existing });
    });
  };

  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <span className="field-error" id={`${id}-${name}-error`} role="alert">
        {errors[name]!.join(" ")}
      </span>
    ) : null;

  return (
    <form className={`form ${styles.picker}`} onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="link-contradiction">
      <h3 id={`${id}-title`}>Link a contradicting claim</h3>
      <div className={`field${errors.otherClaimId ? " has-error" : ""}`}>
        <label htmlFor={`${id}-search`}>Find the other claim</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Words of the quote, a speaker, or #id"
          autoComplete="off"
          aria-describedby={`${id}-search-hint`}
        />
        <span className="hint" id={`${id}-search-hint`}>
          At least two characters.
        </span>
        {searchMessage && (
          <span className="hint" role="status">
            {searchMessage}
          </span>
        )}
        {results.length > 0 && (
          <ul className={styles.results} aria-label="Matching claims">
            {results.map((found) => (
              <li key={found.id}>
                <label>
                  <input type="radio" name="otherClaimId" value={found.id} checked={otherClaimId === found.id} onChange={() => setOtherClaimId(found.id)} />
                  <span>
                    <strong>#{found.id}</strong> {found.quote.length > 180 ? `${found.quote.slice(0, 180)}…` : found.quote}
                    <span className={styles.who}>
                      {" "}
                      — {found.speaker ?? "author"}, {found.source}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {fieldError("otherClaimId")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind of conflict</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          {CONTRADICTION_KINDS.map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.rationale ? " has-error" : ""}`}>
        <label htmlFor={`${id}-rationale`}>Why do they conflict?</label>
        <textarea
          id={`${id}-rationale`}
          rows={2}
          value={rationale}
          onChange={(event) => setRationale(event.target.value)}
          aria-describedby={errors.rationale ? `${id}-rationale-error` : undefined}
          aria-invalid={!!errors.rationale}
        />
        {fieldError("rationale")}
      </div>
      {outcome && (
        <p role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind}>
          {outcome.text} {outcome.href && <Link href={outcome.href}>{outcome.kind === "error" ? "Open it" : "Compare them"}</Link>}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending || otherClaimId === null}>
          {pending ? "Linking…" : "Link as contradiction"}
        </button>
      </div>
    </form>
  );
}
