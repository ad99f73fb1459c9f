// /api/auth/* — next-auth's own endpoints; exempt from withRole: this is where a session comes from.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { buildAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, buildAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
