// URL slugs from titles, one way for sources and topics.

import { stripDiacritics } from "./diacritics";

/** "Council approves £2m flood barrier!" → "council-approves-2m-flood-barrier"; cut at a hyphen past `max` characters. */
export function slugify(title: string, max = 80): string {
  const slug = stripDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf("-");
  return cut.slice(0, hyphen > max / 2 ? hyphen : max).replace(/-+$/, "");
}
