"use client";

import { useState } from "react";
import { signOutEverywhereAction } from "@/lib/users/actions";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOutAll() {
    setPending(true);
    setError(null);
    const result = await signOutEverywhereAction({});
    if (result.ok) {
      // This session ended with the others: the next page is the sign-in page.
      window.location.assign("/login");
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void signOutAll()} disabled={pending}>
        {pending ? "Signing out everywhere …" : "Sign out everywhere"}
      </button>
    </div>
  );
}
