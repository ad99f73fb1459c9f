// Background threads (the import thread, detection's judging threads) yield the CPU to the server's
// requests: Linux keeps a nice value per thread, and setpriority() on a thread's id sets that thread's
// alone. With two cores shared by the server, PostgreSQL and an import, the scheduler then runs a
// request's work first and the import in what is left, instead of sharing the cores evenly.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { env } from "@/lib/env";

/**
 * Lowers the calling thread's priority to BACKGROUND_NICE (default 10: a busy background thread then
 * gets about a tenth of what a request's thread gets of a contended core) where the system allows it;
 * elsewhere it does nothing. Returns whether it did.
 */
export function lowerThisThreadsPriority(nice: number = env().BACKGROUND_NICE): boolean {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it (Linux only).
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    // A process already started nicer (nice npm start) stays as nice: raising priority needs privileges.
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
