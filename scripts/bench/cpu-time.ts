import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time from /proc (Linux), so a load test on a shared machine can say what each request
 * cost the server and the database, apart from how long it waited for a core.
 */
const TICK_MS = 10; // USER_HZ is 100 on every Linux the benchmark runs on

function ticksOf(statText: string): number {
  // Fields after the command name (which may hold spaces, inside parentheses).
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** User + system CPU ms of one process; 0 when it is gone or /proc is absent. */
export function processCpuMs(pid: number): number {
  try {
    return ticksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of every PostgreSQL process on the machine (the benchmark's own database server). */
export function postgresCpuMs(): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += ticksOf(stat) * TICK_MS;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Busy and total CPU ms of the whole machine, all cores. */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.map(Number);
    const total = n.reduce((a, b) => a + b, 0);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
  } catch {
    return { busy: 0, total: 0 };
  }
}
