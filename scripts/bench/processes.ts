// The server's processes as the benchmarks see them: a process and all its descendants (the
// cluster's primary and its HTTP processes, worker threads included in their process).
import { readdirSync, readFileSync } from "node:fs";

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, "utf8");
    return line.slice(line.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** Alive and not a zombie (one whose parent died may never be reaped here). */
export function running(pid: number): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[0] !== "Z";
}

/** The running processes whose parent is pid. */
export function childProcesses(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      const fields = statFields(entry);
      return fields !== undefined && Number(fields[1]) === pid && fields[0] !== "Z";
    })
    .map(Number);
}

/** rootPid and every live descendant. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the tree has used so far. A process that ends between two readings takes its seconds with it. */
export function treeCpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Resident memory of the tree, in bytes. */
export function treeRss(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}
