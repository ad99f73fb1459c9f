import { redirect } from "next/navigation";
import { z } from "zod";
import { MAIN_CONTENT_ID } from "@/app/(admin)/_components/site-header";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/paths";
import { oidcProviderName } from "@/lib/auth/options";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

const searchSchema = z.object({
  callbackUrl: z.string().max(2000).optional().catch(undefined),
  error: z.string().max(300).optional().catch(undefined),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.parse(await searchParams);
  const callbackPath = safeCallbackPath(search.callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  return (
    <main className="auth-page" id={MAIN_CONTENT_ID} tabIndex={-1}>
      <h1>Sign in to Claimbase</h1>
      <LoginForm callbackPath={callbackPath} initialError={search.error} ssoName={oidcProviderName()} />
    </main>
  );
}
