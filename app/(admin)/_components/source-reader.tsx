"use client";
// The source text with claims highlighted; each run's data-start maps a selection back to exact offsets.
// A highlight opens its claim through the URL (?claim=<id>), so the panel renders on the server and can be shared.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { createClaimAction } from "@/lib/claims/actions";
import { readerLabelAttributes, readerMarkup, type ReaderLayout } from "@/lib/sources/highlight";
import { DEFAULT_CHECK_WORTHINESS_THRESHOLD } from "@/lib/facets/check-worthiness";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { claimShown, nextUnreviewed, NO_READER_FILTERS, readerSpeakers, type ReaderFilters } from "@/lib/sources/reader-filters";
import { countOf, plural } from "@/lib/format/plural";

export const CLAIM_PANEL_ID = "claim-panel";
/** Where globals.css turns the claim panel into a bottom sheet. */
const NARROW_SCREEN = "(max-width: 1000px)";

interface Selected {
  start: number;
  end: number;
  quote: string;
}

/** Where the "New claim" bar floats: under the selection's last line, in the text column's coordinates. */
interface BarPosition {
  top: number;
  left: number;
}

const BAR_GAP = 6;

/** Floating over the text (absolute), the bar never moves the text a selection is being made in. */
function barPositionFor(column: HTMLElement, selection: Selection | null): BarPosition | null {
  if (!selection || selection.rangeCount === 0) return null;
  const lines = selection.getRangeAt(0).getClientRects();
  const last = lines[lines.length - 1];
  if (!last) return null;
  const box = column.getBoundingClientRect();
  const width = Math.min(column.clientWidth, 480);
  return { top: last.bottom - box.top + BAR_GAP, left: Math.max(0, Math.min(last.left - box.left, column.clientWidth - width)) };
}

export function offsetOfPoint(container: HTMLElement, node: Node, offset: number): number {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>("[data-start]");
  const anchor = run && container.contains(run) ? run : container;
  const range = document.createRange();
  range.setStart(anchor, 0);
  range.setEnd(node, offset);
  return (anchor === container ? 0 : Number(anchor.dataset.start)) + range.toString().length;
}

/** The selection clipped to the container, as offsets into `text`, whitespace trimmed. */
export function selectionOffsets(container: HTMLElement, text: string, selection: Selection | null): Selected | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const whole = document.createRange();
  whole.selectNodeContents(container);
  if (range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0 || range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0) return null;
  if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0) range.setStart(whole.startContainer, whole.startOffset);
  if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) range.setEnd(whole.endContainer, whole.endOffset);
  let start = offsetOfPoint(container, range.startContainer, range.startOffset);
  let end = offsetOfPoint(container, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end, quote: text.slice(start, end) };
}

// The text is fetched again only when `revision` changes, so opening another claim does not resend it.
// The markup ignores the selected claim, so React leaves it alone and keyboard focus stays put.
export function SourceReader({
  sourceId,
  textUrl,
  revision,
  selectedClaimId,
  canEdit,
}: {
  sourceId: number;
  textUrl: string;
  revision: string;
  selectedClaimId: number | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const container = useRef<HTMLDivElement>(null);
  const column = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [barAt, setBarAt] = useState<BarPosition | null>(null);
  // While the mouse button is down the selection is still being made: the bar waits for the release.
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [layout, setLayout] = useState<ReaderLayout | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [worth, setWorth] = useWorthPreference();
  const [filters, setFilters] = useState<ReaderFilters>(NO_READER_FILTERS);
  const markup = useMemo(
    () => (layout ? readerMarkup(layout, worth.mode === "all" ? 0 : worth.threshold, (claim) => claimShown(claim, filters)) : null),
    [layout, worth, filters],
  );
  const below = layout ? layout.claims.filter((claim) => claim.worth < worth.threshold).length : 0;
  const shownCount = layout ? layout.claims.filter((claim) => claimShown(claim, filters)).length : 0;
  const speakers = useMemo(() => (layout ? readerSpeakers(layout.claims) : []), [layout]);
  const [navigationMessage, setNavigationMessage] = useState<string | null>(null);

  // While a new revision loads, the text shown stays the previous one.
  useEffect(() => {
    const controller = new AbortController();
    setLoadError(null);
    fetchReaderText(textUrl, controller.signal)
      .then(setLayout)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => controller.abort();
  }, [textUrl, revision, attempt]);

  // Tooltips and accessible names, from one label per claim (see readerMarkup).
  useEffect(() => {
    if (!layout) return;
    const labels = new Map(layout.claims.map((claim) => [claim.id, claim.label]));
    for (const mark of container.current?.querySelectorAll<HTMLElement>("mark[data-claim-id]") ?? []) {
      const id = Number(mark.dataset.claimId);
      const { title, description } = readerLabelAttributes(id, labels.get(id) ?? "", mark.tabIndex === 0);
      mark.title = title;
      if (description) mark.setAttribute("aria-description", description);
    }
  }, [markup, layout]);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const mark of root.querySelectorAll<HTMLElement>("mark.selected")) {
      mark.classList.remove("selected");
      mark.removeAttribute("aria-current");
    }
    if (!selectedClaimId) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-claim-id="${selectedClaimId}"]`);
    for (const mark of marks) {
      mark.classList.add("selected");
      mark.setAttribute("aria-current", "true");
    }
    const box = marks[0]?.getBoundingClientRect();
    // On a narrow screen the claim panel is a sheet over the lower part: the highlight goes above it.
    const sheet = window.matchMedia(NARROW_SCREEN).matches;
    const visibleBottom = sheet ? window.innerHeight * 0.3 : window.innerHeight;
    if (marks[0] && box && (box.top < 0 || box.bottom > visibleBottom)) marks[0].scrollIntoView({ block: sheet ? "start" : "center" });
  }, [selectedClaimId, markup]);

  useEffect(() => {
    if (!canEdit) return;
    const onSelectionChange = () => {
      if (!container.current) return;
      const selection = document.getSelection();
      const next = selectionOffsets(container.current, container.current.textContent ?? "", selection);
      if (next) {
        setSelected(next);
        setBarAt(column.current ? barPositionFor(column.current, selection) : null);
        setMessage(null);
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button === 0 && container.current?.contains(event.target as Node)) setDragging(true);
    };
    const onPointerUp = () => setDragging(false);
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("pointerup", onPointerUp);
    return () => {
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("pointerup", onPointerUp);
    };
  }, [canEdit]);

  // A claim opened from the keyboard takes focus to its panel once the panel shows it; Escape there comes back.
  const focusPanelFor = useRef<number | null>(null);
  // "Next unreviewed" puts focus on the highlight it opens, so Enter then goes to the panel.
  const focusMarkFor = useRef<number | null>(null);
  const open = (claimId: number, byKeyboard = false) => {
    focusPanelFor.current = byKeyboard ? claimId : null;
    if (claimId === selectedClaimId && byKeyboard) document.getElementById(CLAIM_PANEL_ID)?.focus();
    else router.push(`${pathname}?claim=${claimId}`, { scroll: false });
  };
  useEffect(() => {
    if (selectedClaimId === null) return;
    if (focusPanelFor.current === selectedClaimId) {
      focusPanelFor.current = null;
      document.getElementById(CLAIM_PANEL_ID)?.focus();
    }
    if (focusMarkFor.current === selectedClaimId) {
      focusMarkFor.current = null;
      container.current?.querySelector<HTMLElement>(`mark[data-claim-id="${selectedClaimId}"][tabindex="0"]`)?.focus({ preventScroll: true });
    }
  }, [selectedClaimId, markup]);

  const goToUnreviewed = (direction: 1 | -1) => {
    if (!layout) return;
    const target = nextUnreviewed(layout.claims, selectedClaimId, direction, (claim) => claimShown(claim, filters));
    if (target === null) {
      setNavigationMessage(
        `No unreviewed claim ${direction === 1 ? "after" : "before"} this one${filters.status || filters.speaker ? " among those shown" : ""}.`,
      );
      return;
    }
    setNavigationMessage(null);
    focusMarkFor.current = target;
    router.push(`${pathname}?claim=${target}`, { scroll: false });
  };
  // Updated as the render commits, so a key pressed right after a navigation sees the claim it opened.
  const goToUnreviewedRef = useRef(goToUnreviewed);
  useLayoutEffect(() => {
    goToUnreviewedRef.current = goToUnreviewed;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !(event.key === "n" || event.key === "p")) return;
      const target = event.target as HTMLElement;
      if (target.closest("input, select, textarea, [contenteditable]")) return;
      event.preventDefault();
      goToUnreviewedRef.current(event.key === "n" ? 1 : -1);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  useEffect(() => {
    if (selectedClaimId === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const panel = document.getElementById(CLAIM_PANEL_ID);
      if (event.key !== "Escape" || event.defaultPrevented || !panel?.contains(event.target as Node)) return;
      const mark = container.current?.querySelector<HTMLElement>(`mark[data-claim-id="${selectedClaimId}"][tabindex="0"]`);
      if (!mark) return;
      event.preventDefault();
      mark.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [selectedClaimId]);

  const createClaim = () => {
    if (!selected) return;
    startTransition(async () => {
      const result = await createClaimAction({ sourceId, startOffset: selected.start, endOffset: selected.end, quote: selected.quote });
      if (result.ok) {
        setSelected(null);
        document.getSelection()?.removeAllRanges();
        router.push(`${pathname}?claim=${result.data.id}`, { scroll: false });
      } else {
        setMessage(result.fieldErrors?.quote?.join(" ") ?? result.message);
      }
    });
  };

  return (
    <div className="reader-text-column" ref={column}>
      <form className="worth-filter" aria-label="Which claims are highlighted" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={filters.status} onChange={(event) => setFilters({ ...filters, status: event.target.value })} data-testid="reader-status-filter">
            <option value="">All statuses</option>
            {Object.entries(STATUS_LABELS).map(([status, label]) => (
              <option key={status} value={status}>
                {status === "unreviewed" ? "Unreviewed only" : label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speaker
          <select value={filters.speaker} onChange={(event) => setFilters({ ...filters, speaker: event.target.value })} data-testid="reader-speaker-filter">
            <option value="">Any speaker</option>
            {speakers.map((speaker) => (
              <option key={speaker.name} value={speaker.name}>
                {speaker.name} ({speaker.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Claims below
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={worth.threshold}
            aria-label="Check-worthiness threshold"
            onChange={(event) => setWorth({ ...worth, threshold: Math.max(0, Math.min(100, Number(event.target.value) || 0)) })}
          />
        </label>
        <label>
          are
          <select value={worth.mode} onChange={(event) => setWorth({ ...worth, mode: event.target.value as WorthMode })} data-testid="worth-mode">
            <option value="all">shown like the others</option>
            <option value="dim">dimmed</option>
            <option value="hide">not highlighted</option>
          </select>
        </label>
        {layout && (
          <span className="muted small" data-testid="worth-below">
            {below} of {countOf(layout.claims.length, "claim", "claims")} {plural(below, "is", "are")} below {worth.threshold}
            {shownCount < layout.claims.length && <> · {shownCount} highlighted by these filters</>}
          </span>
        )}
      </form>
      <div className="button-row reader-navigation" role="group" aria-label="Unreviewed claims">
        <button type="button" onClick={() => goToUnreviewed(-1)} aria-keyshortcuts="p" disabled={!layout}>
          ‹ Previous unreviewed <kbd>p</kbd>
        </button>
        <button type="button" onClick={() => goToUnreviewed(1)} aria-keyshortcuts="n" disabled={!layout}>
          Next unreviewed <kbd>n</kbd> ›
        </button>
        <span role="status" className="muted small" data-testid="reader-navigation-message">
          {navigationMessage}
        </span>
      </div>
      {canEdit && selected && !dragging && (
        <div
          className="selection-bar"
          role="region"
          aria-label="New claim from selection"
          data-testid="selection-bar"
          style={barAt ? { top: barAt.top, left: barAt.left } : undefined}
        >
          <p>
            <strong>New claim:</strong> <q>{selected.quote.length > 140 ? `${selected.quote.slice(0, 140)}…` : selected.quote}</q>
            <span className="muted">
              {" "}
              ({selected.start}–{selected.end})
            </span>
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={createClaim} disabled={pending}>
              {pending ? "Creating…" : "Create claim"}
            </button>
            <button
              type="button"
              onClick={() => {
                setSelected(null);
                setMessage(null);
              }}
            >
              Cancel
            </button>
          </div>
          {message && (
            <p className="error" role="alert">
              {message}
            </p>
          )}
        </div>
      )}
      {loadError && (
        <p className="error" role="alert">
          The text could not be loaded: {loadError}{" "}
          <button type="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </p>
      )}
      {markup === null ? (
        !loadError && (
          <p className="source-text muted" aria-busy="true" data-testid="source-text-loading">
            Loading the text…
          </p>
        )
      ) : (
        <div
          ref={container}
          className={`source-text worth-${worth.mode}`}
          data-testid="source-text"
          data-ready="true"
          onClick={(event) => {
            const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-claim-id]");
            // A drag that selected text is a selection, not a click on the highlight.
            if (!mark || !document.getSelection()?.isCollapsed) return;
            open(Number(mark.dataset.claimId));
          }}
          onKeyDown={(event) => {
            const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-claim-id]");
            if (mark && (event.key === "Enter" || event.key === " ")) {
              event.preventDefault();
              open(Number(mark.dataset.claimId), true);
            }
          }}
          dangerouslySetInnerHTML={{ __html: markup }}
        />
      )}
    </div>
  );
}

type WorthMode = "all" | "dim" | "hide";
interface WorthPreference {
  threshold: number;
  mode: WorthMode;
}
const WORTH_KEY = "claimbase.reader.worth";

/** Remembered in this browser. */
function useWorthPreference(): [WorthPreference, (next: WorthPreference) => void] {
  const [value, setValue] = useState<WorthPreference>({ threshold: DEFAULT_CHECK_WORTHINESS_THRESHOLD, mode: "dim" });
  useEffect(() => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(WORTH_KEY) ?? "null") as Partial<WorthPreference> | null;
      if (stored && typeof stored.threshold === "number" && ["all", "dim", "hide"].includes(stored.mode ?? "")) setValue(stored as WorthPreference);
    } catch {
      // A preference that cannot be read is the default.
    }
  }, []);
  const update = (next: WorthPreference) => {
    setValue(next);
    try {
      window.localStorage.setItem(WORTH_KEY, JSON.stringify(next));
    } catch {
      // Storage may be full or blocked; the choice holds for this page.
    }
  };
  return [value, update];
}

async function fetchReaderText(url: string, signal: AbortSignal): Promise<ReaderLayout> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `the server answered ${response.status}.`);
  }
  return (await response.json()) as ReaderLayout;
}
