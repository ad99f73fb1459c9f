"use client";
// Filters from the address that the page could not use: one sentence each, and the address loses them,
// so a copied link or the next Apply does not carry them on.
import { useEffect } from "react";
import type { IgnoredFilter } from "@/lib/claims/schema";

export function IgnoredFilters({ ignored }: { ignored: IgnoredFilter[] }) {
  const keys = ignored.map((filter) => filter.key).join(",");
  useEffect(() => {
    if (!keys) return;
    const url = new URL(window.location.href);
    for (const key of keys.split(",")) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [keys]);
  if (ignored.length === 0) return null;
  return (
    <div className="error" role="alert" data-testid="ignored-filters">
      <p>Some filters in the address could not be used and were dropped:</p>
      <ul>
        {ignored.map((filter) => (
          <li key={filter.key}>{filter.sentence}</li>
        ))}
      </ul>
    </div>
  );
}
