"use client";
// Bulk status and topic for the rows checked in the claims table, or for every claim the filters
// match once the editor selected them all (select-all-matching.tsx). The table is rendered on the
// server; this reads the checked boxes of its form when a button is used.
import { useEffect, useState, useTransition } from "react";
import { bulkStatusAction, bulkTopicAction } from "@/lib/claims/actions";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { CLAIM_STATUSES } from "@/lib/claims/schema";
import type { Option } from "./claim-editor-form";
import type { PickerOption } from "@/lib/pickers/schema";
import { SearchCombobox } from "./search-select";
import { useMounted } from "./use-mounted";
import { countOf } from "@/lib/format/plural";
import { Outcome } from "./versioned-form";
import { useMatchingSelection } from "./select-all-matching";
import type { BulkChange } from "@/lib/bulk/schema";

export function boxes(formId: string): HTMLInputElement[] {
  const form = document.getElementById(formId);
  return form ? [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')] : [];
}

export function useSelectionCount(formId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    const update = () => setCount(boxes(formId).filter((box) => box.checked).length);
    const block = (event: Event) => event.preventDefault();
    update();
    form.addEventListener("change", update);
    // Enter in the bar's inputs must not submit the table's form as a page load.
    form.addEventListener("submit", block);
    return () => {
      form.removeEventListener("change", update);
      form.removeEventListener("submit", block);
    };
  }, [formId]);
  return count;
}

export function SelectAllRows({ formId }: { formId: string }) {
  const count = useSelectionCount(formId);
  const [total, setTotal] = useState(0);
  useEffect(() => setTotal(boxes(formId).length), [formId]);
  return (
    <input
      type="checkbox"
      aria-label="Select all claims on this page"
      checked={total > 0 && count === total}
      ref={(element) => {
        if (element) element.indeterminate = count > 0 && count < total;
      }}
      onChange={(event) => {
        for (const box of boxes(formId)) box.checked = event.target.checked;
        document.getElementById(formId)?.dispatchEvent(new Event("change", { bubbles: true }));
      }}
    />
  );
}

const TOPIC_CHOICES: PickerOption[] = [
  { value: "none", label: "No topic" },
  { value: "__new", label: "+ New topic…" },
];

export function BulkBar({ formId, topics }: { formId: string; topics: Option[] | null }) {
  const matching = useMatchingSelection();
  const allMatching = matching?.active === true;
  const checked = useSelectionCount(formId);
  const count = allMatching ? matching.matching : checked;
  const ready = useMounted();
  const [status, setStatus] = useState<string>("approved");
  const [topicId, setTopicId] = useState<string>("");
  const [topicChoice, setTopicChoice] = useState<PickerOption | null>(null);
  const [newTopic, setNewTopic] = useState("");
  const [message, setMessage] = useState<Outcome>(null);
  const [working, startTransition] = useTransition();
  const pending = working || matching?.pending === true;

  const selectedIds = () =>
    boxes(formId)
      .filter((box) => box.checked)
      .map((box) => box.value);
  const finish = (text: string, undo?: string) => {
    for (const box of boxes(formId)) box.checked = false;
    document.getElementById(formId)?.dispatchEvent(new Event("change", { bubbles: true }));
    setMessage({ kind: "notice", text, undo });
  };

  const statusLabel = STATUS_LABELS[status as keyof typeof STATUS_LABELS];
  const applyStatus = () => {
    if (allMatching) {
      return matching.run({ kind: "status", status: status as keyof typeof STATUS_LABELS }, (claims) => `Set ${claims} to ${statusLabel.toLowerCase()}?`);
    }
    startTransition(async () => {
      const result = await bulkStatusAction({ ids: selectedIds(), status });
      if (result.ok)
        finish(
          `${countOf(result.data.changed, "claim", "claims")} set to ${statusLabel.toLowerCase()}${result.data.unchanged ? `, ${result.data.unchanged} already were` : ""}.`,
          result.data.actionId,
        );
      else setMessage({ kind: "error", text: result.fieldErrors?.ids?.join(" ") ?? result.message });
    });
  };

  const topicInput = topicId === "__new" ? { newTopicTitle: newTopic } : { topicId };
  const applyTopic = () => {
    if (allMatching) {
      const title =
        topicId === "__new" ? newTopic : topicId === "none" ? null : (topics?.find((topic) => String(topic.id) === topicId)?.label ?? topicChoice?.label);
      return matching.run({ kind: "topic", newTopicTitle: null, ...topicInput } as BulkChange, (claims) =>
        title ? `Set the topic of ${claims} to “${title}”?` : `Remove the topic from ${claims}?`,
      );
    }
    startTransition(async () => {
      const result = await bulkTopicAction({ ids: selectedIds(), ...topicInput });
      if (result.ok) {
        setNewTopic("");
        finish(
          `Topic set on ${countOf(result.data.changed, "claim", "claims")}${result.data.unchanged ? `, ${result.data.unchanged} already had it` : ""}.`,
          result.data.actionId,
        );
      } else {
        const fields = result.fieldErrors ?? {};
        setMessage({ kind: "error", text: [result.message, ...Object.values(fields).flat()].join(" ") });
      }
    });
  };

  return (
    <div className="bulk-bar" role="group" aria-label="Bulk actions" data-testid="bulk-bar" data-ready={ready ? "true" : undefined}>
      <span aria-live="polite">
        <strong>{count}</strong> selected
      </span>
      <label htmlFor="bulk-status">Status</label>
      <select id="bulk-status" value={status} onChange={(event) => setStatus(event.target.value)}>
        {CLAIM_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      <button type="button" onClick={applyStatus} disabled={pending || count === 0}>
        Set status
      </button>
      <label htmlFor="bulk-topic">Topic</label>
      {topics ? (
        <select id="bulk-topic" value={topicId} onChange={(event) => setTopicId(event.target.value)}>
          <option value="">Choose…</option>
          {TOPIC_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
          {topics.map((topic) => (
            <option key={topic.id} value={String(topic.id)}>
              {topic.label}
            </option>
          ))}
        </select>
      ) : (
        <SearchCombobox
          id="bulk-topic"
          kind="topics"
          label="Topic"
          value={topicChoice}
          fixedOptions={TOPIC_CHOICES}
          placeholder="Type a topic…"
          onChoose={(option) => {
            setTopicChoice(option);
            setTopicId(option.value);
          }}
          onType={() => {
            setTopicChoice(null);
            setTopicId("");
          }}
        />
      )}
      {topicId === "__new" && (
        <input aria-label="New topic title" value={newTopic} onChange={(event) => setNewTopic(event.target.value)} placeholder="New topic title" />
      )}
      <button type="button" onClick={applyTopic} disabled={pending || count === 0 || topicId === ""}>
        Set topic
      </button>
      <Outcome outcome={message} inline />
    </div>
  );
}
