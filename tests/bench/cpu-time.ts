import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (ms) spent by the parts of a benchmark, read from Linux's /proc. Throughput on a shared
 * VM swings with the host; CPU time per op is what the code costs, and tells which part to cut.
 * PostgreSQL's share is its postmaster with every child process, including those that already
 * exited (autovacuum workers), which the kernel adds to the postmaster's own account.
 */
export interface CpuParts {
  server: number;
  postgres: number;
  loadGenerator: number;
  /** Everything else that ran on the machine meanwhile (other programs, the kernel's interrupts). */
  other: number;
  /** The whole machine idle (all cores), e.g. while commits wait for the disk. */
  idle: number;
}

export const canReadCpuTime = existsSync('/proc/stat');
const TICK_MS = 10; // USER_HZ is 100 on Linux

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The process name may hold spaces; the fields after it are plain numbers.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process has exited
  }
}
// Counted from the state field: 0 state, 1 ppid, 11 utime, 12 stime, 13 cutime, 14 cstime.
const ownMs = (f: string[]) => (Number(f[11]) + Number(f[12])) * TICK_MS;
const reapedChildrenMs = (f: string[]) => (Number(f[13]) + Number(f[14])) * TICK_MS;

function clusterMs(postmasterPid: number): number {
  const main = statFields(postmasterPid);
  let total = main ? ownMs(main) + reapedChildrenMs(main) : 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmasterPid) total += ownMs(f);
  }
  return total;
}

export function cpuTime(serverPids: number[], postmasterPid: number): CpuParts {
  const self = process.cpuUsage();
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const parts = {
    server: serverPids.reduce((sum, pid) => {
      const f = statFields(pid);
      return sum + (f ? ownMs(f) : 0);
    }, 0),
    postgres: clusterMs(postmasterPid),
    loadGenerator: (self.user + self.system) / 1000,
  };
  const busy = (user + nice + system + irq + softirq + steal) * TICK_MS;
  return { ...parts, other: busy - parts.server - parts.postgres - parts.loadGenerator, idle: (idle + iowait) * TICK_MS };
}

/** µs of CPU per op for each part between two readings. */
export function perOp(before: CpuParts, after: CpuParts, ops: number): CpuParts {
  const us = (k: keyof CpuParts) => ((after[k] - before[k]) * 1000) / ops;
  // Processes and the machine are counted in 10 ms ticks, so "other" may come out a little below 0.
  return { server: us('server'), postgres: us('postgres'), loadGenerator: us('loadGenerator'), other: Math.max(0, us('other')), idle: us('idle') };
}
