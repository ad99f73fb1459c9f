// What the sign-in page may say. next-auth hands the page an error code (from its own flow, from a
// thrown error, or from the `error` query parameter anyone can type), so the page shows a sentence
// only for codes listed here and one generic sentence for anything else; details go to the server log.

export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";
const THROTTLED = /^Throttled(\d{1,4})$/;

/** The code thrown when the throttle refuses an attempt: the minutes to wait travel in the code. */
export function throttledCode(minutes: number): string {
  return `Throttled${Math.max(1, Math.min(9999, Math.ceil(minutes)))}`;
}

export function throttleMessage(minutes: number): string {
  return `Too many failed sign-ins for this account from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export function describeSignInError(code: string): string {
  if (code === "CredentialsSignin") return "Email or password is wrong.";
  if (code === "AccessDenied") return "That account is not allowed to sign in here. Ask an admin to create it.";
  if (code === SIGN_IN_UNAVAILABLE) return "Sign-in is unavailable right now. Try again in a moment; if it persists, tell your administrator.";
  const throttled = THROTTLED.exec(code);
  if (throttled) return throttleMessage(Number(throttled[1]));
  return "Sign-in failed. Try again.";
}
