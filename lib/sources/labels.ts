// Human wording for source kinds, shared by the sources list, source pages and the source form.

export const SOURCE_KIND_LABELS: Record<string, string> = {
  news: "News",
  blog: "Blog",
  opinion: "Opinion",
  encyclopedia: "Encyclopedia",
  compilation: "Compilation",
  forum: "Forum",
  official_document: "Official document",
  court_record: "Court record",
  other: "Other",
};
