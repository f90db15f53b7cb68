// CPU time of this process and everything it started (the browser's processes), from /proc:
// RX_E2E_CPU=1 adds each test's CPU seconds, by process type, to the JSON report as an annotation
// {type: "cpu", description: {"total": s, "byType": {"gpu-process": s, "renderer": s, ...}}}.
// Processes that ended count through their parent's children times (cutime, cstime).
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processes() {
  const all = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const type = (cmdline.match(/--type=([a-z-]+)/) || [])[1] || (/chrom/.test(cmdline) ? 'browser' : 'node');
      all.set(Number(name), { parent: Number(fields[1]), seconds: ticks / TICKS_PER_SECOND, type });
    } catch {
      /* gone meanwhile */
    }
  }
  return all;
}

// {total, byType} CPU seconds of `root` and its descendants.
export function treeCpu(root = process.pid) {
  const all = processes();
  const children = new Map();
  for (const [pid, p] of all) children.set(p.parent, [...(children.get(p.parent) || []), pid]);
  const byType = {};
  let total = 0;
  for (const stack = [root]; stack.length;) {
    const pid = stack.pop();
    const p = all.get(pid);
    if (!p) continue;
    total += p.seconds;
    byType[p.type] = (byType[p.type] || 0) + p.seconds;
    stack.push(...(children.get(pid) || []));
  }
  return { total, byType };
}

export function cpuSince(before) {
  const now = treeCpu();
  const round = (s) => Math.round(s * 100) / 100;
  const byType = {};
  for (const type of new Set([...Object.keys(before.byType), ...Object.keys(now.byType)]))
    byType[type] = round((now.byType[type] || 0) - (before.byType[type] || 0));
  return { total: round(now.total - before.total), byType };
}
