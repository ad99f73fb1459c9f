import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { MAIN_CONTENT_ID } from "@/app/(admin)/_components/site-header";
import { ROLES } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "@/app/(admin)/_components/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Not allowed" };

const searchSchema = z.object({ role: z.enum(ROLES).catch("editor") });

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const { role } = searchSchema.parse(await searchParams);
  return (
    <main className="auth-page" id={MAIN_CONTENT_ID} tabIndex={-1}>
      <h1>Not allowed</h1>
      <p role="alert">You need the {role} role to see this page.</p>
      <p className="muted">
        You are signed in as {user.email} with the {user.role} role. Ask an admin if you need more access.
      </p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
      <SignOutButton />
    </main>
  );
}
