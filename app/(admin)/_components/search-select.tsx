"use client";
// Pickers for lists too long to send whole: a text box that asks /api/options/<kind> as the user types.
// SearchCombobox is the ARIA 1.2 combobox; SearchSelect puts it in a filter form with a hidden field.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { PickerKind, PickerOption } from "@/lib/pickers/schema";
import styles from "./search-select.module.css";

/** The suggestions under a text box (ARIA listbox); `children` follow the options (an empty-list line). */
export function SuggestionList<O extends { label: string }>({
  id,
  label,
  options,
  active,
  onChoose,
  children,
}: {
  id: string;
  label: string;
  options: readonly O[];
  active: number;
  onChoose: (option: O) => void;
  children?: ReactNode;
}) {
  return (
    <ul id={id} role="listbox" aria-label={label} className={styles.list}>
      {options.map((option, index) => (
        <li
          key={`${option.label}-${index}`}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? styles.active : undefined}
          // mousedown, not click: the click would come after the text box's blur closed the list.
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(option);
          }}
        >
          {option.label}
        </li>
      ))}
      {children}
    </ul>
  );
}

export function SearchCombobox({
  id,
  kind,
  label,
  value,
  onChoose,
  onType,
  fixedOptions = [],
  placeholder = "Type to search…",
  describedBy,
}: {
  id: string;
  kind: PickerKind;
  /** Names the list of suggestions for assistive technology. */
  label: string;
  value: PickerOption | null;
  onChoose: (option: PickerOption) => void;
  /** Called when the user edits the text without choosing (a filter clears its value). */
  onType?: (text: string) => void;
  /** Choices that are not entries of the list, e.g. "No speaker". */
  fixedOptions?: PickerOption[];
  placeholder?: string;
  describedBy?: string;
}) {
  const [text, setText] = useState(value?.label ?? "");
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const request = useRef<AbortController | null>(null);
  const listId = useId();

  // A new choice from outside (a conflict, a reset) replaces what the box shows; a value
  // cleared because the user is typing does not.
  useEffect(() => {
    if (value) setText(value.label);
  }, [value?.value, value?.label]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        // The chosen entry's own label lists everything, not just itself.
        const query = text === value?.label ? "" : text;
        const response = await fetch(`/api/options/${kind}?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const body = (await response.json()) as { options?: PickerOption[]; error?: string };
        if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
        const typed = query.trim().toLowerCase();
        setOptions([...fixedOptions.filter((option) => option.label.toLowerCase().includes(typed)), ...(body.options ?? [])]);
        setActive(-1);
        setProblem(null);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem("Could not load the list; try again.");
      }
    }, 150);
    return () => clearTimeout(timer);
    // fixedOptions is a literal at every call site: its identity changes on each render.
  }, [open, text, kind, value?.label]);

  const choose = (option: PickerOption) => {
    setText(option.label);
    setOpen(false);
    onChoose(option);
  };

  return (
    <span className={styles.picker}>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          onType?.(event.target.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Without onType the box only ever holds a choice: typed text that was not chosen goes.
          if (!onType) setText(value?.label ?? "");
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((current) => (options.length ? (current + step + options.length) % options.length : -1));
          } else if (event.key === "Enter" && open && active >= 0 && options[active]) {
            // Choosing an entry must not submit the form.
            event.preventDefault();
            choose(options[active]!);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open && (
        <SuggestionList id={listId} label={label} options={options} active={active} onChoose={choose}>
          {!options.length && <li className={styles.empty}>{problem ?? (text ? "No match" : "Type to search")}</li>}
        </SuggestionList>
      )}
    </span>
  );
}

export function SearchSelect({
  name,
  label,
  kind,
  selected,
  fixedOptions = [],
  placeholder = "Type to search…",
}: {
  name: string;
  label: string;
  kind: PickerKind;
  selected: PickerOption | null;
  fixedOptions?: PickerOption[];
  placeholder?: string;
}) {
  const [value, setValue] = useState<PickerOption | null>(selected);
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <input type="hidden" name={name} value={value?.value ?? ""} />
      <SearchCombobox
        id={`filter-${name}`}
        kind={kind}
        label={label}
        value={value}
        onChoose={setValue}
        onType={() => setValue(null)}
        fixedOptions={fixedOptions}
        placeholder={placeholder}
      />
    </div>
  );
}
