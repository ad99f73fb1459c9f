// The one authorization wrapper for route handlers (withRole) and server actions
// (actionWithRole): session and role are checked here, before any input is read; then a route
// handler's state-changing request sent from another site's page is refused (lib/http/origin.ts;
// proxy.ts does the same for server actions).
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { ForbiddenError, UnauthenticatedError, errorResponse, fieldErrorsOf, mapError } from "@/lib/errors";
import { roleAllows, type Role } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/http/origin";
import { markOwnWrite, withPrimaryReads } from "@/lib/db/read-routing";

/** Methods that change nothing: their reads may come from a replica (README: Reads on replicas). */
const READING_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type ActionResult<R> = { ok: true; data: R } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]>; current?: unknown };

async function authorize(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  if (!roleAllows(user.role, role)) throw new ForbiddenError(`You need the ${role} role to do that.`);
  return user;
}

export function withRole<Ctx>(
  role: Role,
  handler: (request: Request, context: Ctx & { user: SessionUser }) => Promise<Response>,
): (request: Request, context: Ctx) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await authorize(role);
      assertSameOrigin(request);
      if (READING_METHODS.has(request.method)) return await handler(request, { ...context, user });
      const response = await withPrimaryReads(() => handler(request, { ...context, user }));
      if (response.status < 400) await markOwnWrite();
      return response;
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(error);
    }
  };
}

/** A repeated field becomes an array; Next's own fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const previous = result[key];
    if (previous === undefined) result[key] = value;
    else result[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return result;
}

export function actionWithRole<S extends z.ZodType, R>(
  role: Role,
  schema: S,
  action: (input: z.infer<S>, user: SessionUser) => Promise<R>,
): (input: unknown) => Promise<ActionResult<R>> {
  return async (input) => {
    try {
      const user = await authorize(role);
      const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
      if (!parsed.success) {
        return { ok: false, status: 422, message: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      // A save reads from the primary, and so does this browser for a few seconds after it.
      const data = await withPrimaryReads(() => action(parsed.data, user));
      await markOwnWrite();
      return { ok: true, data };
    } catch (error) {
      // redirect() and notFound() inside an action are Next's control flow, not failures.
      unstable_rethrow(error);
      const mapped = mapError(error);
      return { ok: false, ...mapped };
    }
  };
}

/** An action's result, with every page's cached copy dropped once it changed something (pages render per request). */
export function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
