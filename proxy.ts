// Runs before every page request (and so before every server action, which posts to a page):
// 1. refuses a state-changing request whose Origin is missing or foreign (lib/http/origin.ts; Next
//    itself only compares Origin with Host when Origin is present); route handlers do the same
//    check in withRole, because matching /api here would make Next buffer upload bodies;
// 2. sends anonymous page requests to the sign-in page, forwarding the requested path so the page
//    can send the visitor back; a convenience, NOT the security boundary: every page, server action
//    and route handler checks the session itself (lib/auth/session.ts, lib/auth/with-role.ts);
// 3. gives the page a Content-Security-Policy with a fresh nonce (lib/http/content-security-policy.ts).
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/paths";
import { pageRequestProblem } from "@/lib/validation/page-request";
import { NONCE_HEADER, newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { originRefusal, trustedOrigins } from "@/lib/http/origin";
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PATHS = ["/login"];

function hasSessionCookie(request: NextRequest): boolean {
  // Large tokens are split into .0, .1, … chunks.
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export async function proxy(request: NextRequest) {
  const refusal = originRefusal(request, trustedOrigins());
  if (refusal) return NextResponse.json({ error: refusal }, { status: 403 });

  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PATHS.includes(pathname) && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Next answers a path or an action body it cannot decode (or one over 1 MB) with a 500; say what is wrong instead.
  const undecodable = await pageRequestProblem(request);
  if (undecodable) return NextResponse.json({ error: undecodable.message }, { status: undecodable.status });
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce);
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages (and the server actions posted to them). API routes answer 401 and check Origin
  // themselves; Next's static files need neither a session nor a nonce.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
