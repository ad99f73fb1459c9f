// Human wording for actor kinds, shared by the actors list, the actor page and its form.

export const ACTOR_KIND_LABELS: Record<string, string> = {
  person: "Person",
  organization: "Organization",
  government_body: "Government body",
  media_outlet: "Media outlet",
  court: "Court",
  other: "Other",
};
