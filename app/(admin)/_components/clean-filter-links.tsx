"use client";
// Filter forms are plain GET forms (they work without JavaScript); with it, a submitted form leaves out
// its empty fields and the fields still at their default (data-default), so the address reads
// ?q=denied rather than ?q=denied&source=&speaker=&…
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function filterQuery(form: HTMLFormElement, submitter: HTMLElement | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLElement && field.dataset.default === value) continue;
    params.append(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function CleanFilterLinks() {
  const router = useRouter();
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method !== "get" || event.defaultPrevented) return;
      const action = new URL(form.action, window.location.href);
      if (action.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${action.pathname}${filterQuery(form, event.submitter)}`);
    };
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [router]);
  return null;
}
