// Sends anonymous page requests to the sign-in page, and forwards the requested path so the
// page can send the visitor back after signing in. This is a convenience, NOT the security
// boundary: every page, server action and route handler checks the session itself
// (lib/auth/session.ts, lib/auth/with-role.ts).
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/paths";
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PATHS = ["/login"];

function hasSessionCookie(request: NextRequest): boolean {
  // Large tokens are split into .0, .1, … chunks.
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PATHS.includes(pathname) && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Pages only: API routes answer 401 themselves; static files and images need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|css|js|txt)$).*)"],
};
