// Times as editors read them everywhere: minutes, in UTC, the same on server and browser.
export function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
