"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { describeSignInError as describe } from "@/lib/auth/sign-in-errors";

export function LoginForm({ callbackPath, initialError, ssoName }: { callbackPath: string; initialError?: string; ssoName?: string }) {
  const [error, setError] = useState<string | undefined>(initialError && describe(initialError));
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the shell with the new session cookie.
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(describe(result?.error ?? "Sign-in failed."));
  }

  return (
    <form className="form auth-form" onSubmit={submit} noValidate>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {ssoName && (
        <button type="button" className="secondary" onClick={() => void signIn("oidc", { callbackUrl: callbackPath })}>
          Sign in with {ssoName}
        </button>
      )}
    </form>
  );
}
