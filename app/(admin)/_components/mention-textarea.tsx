"use client";
// A comment box that offers users as you type `@`: arrows choose, Enter or Tab inserts the handle
// (a name, or an email when the name is shared), Escape closes. Typing on without choosing is fine:
// an @name that fits no one stays plain text.
import { useEffect, useId, useRef, useState } from "react";
import type { MentionOption } from "@/lib/comments/schema";
import { SuggestionList } from "./search-select";
import styles from "./search-select.module.css";

/** The `@word` just before the caret, when the `@` starts a mention (not inside an email address). */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^\p{L}\p{N}_.+-])@([\p{L}\p{N}_.'-]{0,40})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

export function MentionTextarea({
  id,
  name,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (text: string) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [options, setOptions] = useState<MentionOption[]>([]);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!mention) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/mentions?q=${encodeURIComponent(mention.query)}`, { signal: controller.signal });
        const body = (await response.json()) as { options?: MentionOption[] };
        setOptions(response.ok ? (body.options ?? []) : []);
        setActive(0);
      } catch {
        // Aborted by the next keystroke, or offline: no suggestions, the text is still typed as is.
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [mention?.start, mention?.query]);

  const open = mention !== null && options.length > 0;

  const choose = (option: MentionOption) => {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const inserted = `@${option.handle} `;
    onChange(value.slice(0, mention.start) + inserted + value.slice(caret));
    setMention(null);
    const at = mention.start + inserted.length;
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  return (
    <span className={styles.picker}>
      <textarea
        ref={box}
        id={id}
        name={name}
        rows={3}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setMention(mentionQuery(event.target.value, event.target.selectionStart));
        }}
        onBlur={() => setMention(null)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((current) => (current + step + options.length) % options.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            choose(options[active]!);
          } else if (event.key === "Escape") {
            event.preventDefault();
            setMention(null);
          }
        }}
      />
      {open && <SuggestionList id={listId} label="People to mention" options={options} active={active} onChoose={choose} />}
    </span>
  );
}
