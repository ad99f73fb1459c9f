// The one error mapper: every route handler and server action turns failures into a status and a
// sentence here. Details of unexpected errors stay in the server log, never in a response.
import { ZodError } from "zod";

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

/** Someone else saved first: `current` is what is stored now, for the conflict message. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message, 409);
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 422);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "You need to sign in.") {
    super(message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export interface MappedError {
  status: number;
  message: string;
  fieldErrors?: Record<string, string[]>;
  current?: unknown;
}

/** Keyed by the form's field name: a bad entry of a list ("ids.3", "aliases.0") is its field's problem. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((segment) => typeof segment !== "number").join(".") || "_";
    const messages = (fields[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fields;
}

/** What each unique index holds, for a save that collided with one another made a moment before. */
const UNIQUE_INDEX_MESSAGES: Record<string, string> = {
  sources_slug_key: "A source with this address (slug) already exists; reload to see it.",
  actors_normalized_name_key: "An actor with this name already exists; reload and choose it.",
  topics_slug_key: "A topic with this title already exists; reload and choose it.",
  claims_source_id_start_offset_end_offset_key: "A claim already covers exactly this text; reload to see it.",
  contradictions_claim_a_id_claim_b_id_key: "These two claims are already paired as a contradiction; reload to see it.",
  users_email_key: "A user with this email already exists.",
  detection_runs_one_running: "A detection run is already running.",
};

function uniqueViolationMessage(error: unknown): string {
  const meta = (error as { meta?: { modelName?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: unknown } } } } }).meta;
  const index = meta?.driverAdapterError?.cause?.constraint?.index;
  if (typeof index === "string" && UNIQUE_INDEX_MESSAGES[index]) return UNIQUE_INDEX_MESSAGES[index];
  return typeof meta?.modelName === "string"
    ? `Another ${meta.modelName.toLowerCase()} with these values was saved a moment ago; reload to see it.`
    : "That already exists; reload to see it.";
}

export function mapError(error: unknown): MappedError {
  if (error instanceof ZodError) {
    return { status: 422, message: "Some fields need attention.", fieldErrors: fieldErrorsOf(error) };
  }
  if (error instanceof ValidationError) return { status: 422, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ConflictError) return { status: 409, message: error.message, current: error.current };
  if (error instanceof DomainError) return { status: error.status, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2025") return { status: 404, message: "That record no longer exists." };
  if (code === "P2002") return { status: 409, message: uniqueViolationMessage(error) };
  console.error(error);
  return { status: 500, message: "Something went wrong on the server. The error has been logged." };
}

export function errorResponse(error: unknown): Response {
  const mapped = mapError(error);
  return Response.json({ error: mapped.message, fieldErrors: mapped.fieldErrors, current: mapped.current }, { status: mapped.status });
}
