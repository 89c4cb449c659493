// Where a benchmark's CPU goes: the processes of the Emulator Suite it runs in (below the firebase-tools
// process it descends from), as the Firestore emulator, the Functions emulator's workers, the rest of
// firebase-tools, and this process with its own children (the SDK clients), read through scripts/proc.mjs.
import { allPids, commandLine, procStat } from '../scripts/proc.mjs';

export const CPU_GROUPS = ['firestore', 'functions', 'firebase-tools', 'clients'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];
/** CPU milliseconds so far per process, keyed by pid and start time (a recycled pid is another process). */
export type CpuSample = Map<string, { group: CpuGroup; ms: number }>;

/** /proc's utime and stime are in clock ticks: USER_HZ, 100 a second on Linux. */
const TICK_MS = 10;

interface Stat {
	pid: number;
	ppid: number;
	start: string;
	cpuTicks: number;
}

function children(stats: Stat[]): Map<number, Stat[]> {
	const out = new Map<number, Stat[]>();
	for (const s of stats) out.set(s.ppid, [...(out.get(s.ppid) ?? []), s]);
	return out;
}

function below(root: number, kids: Map<number, Stat[]>): Stat[] {
	const out: Stat[] = [];
	const queue = [root];
	while (queue.length) for (const c of kids.get(queue.shift()!) ?? []) out.push(c), queue.push(c.pid);
	return out;
}

/** The nearest ancestor of this process that runs the Emulator Suite (`emulators:exec` or `:start`). */
function suiteRoot(byPid: Map<number, Stat>): number | null {
	for (let pid = byPid.get(process.pid)?.ppid; pid && pid > 1; pid = byPid.get(pid)?.ppid) {
		if (/emulators:(exec|start)/.test(commandLine(pid))) return pid;
	}
	return null;
}

let warned = false;

/** CPU time so far of every process in the suite's tree; Linux only (elsewhere, and outside a suite, only this process's). */
export function cpuSample(): CpuSample {
	let stats: Stat[];
	try {
		stats = (allPids().map(procStat).filter(Boolean) as Stat[]);
	} catch {
		stats = [];
	}
	const byPid = new Map(stats.map((s) => [s.pid, s]));
	const out: CpuSample = new Map();
	const add = (s: Stat, group: CpuGroup) => out.set(`${s.pid}:${s.start}`, { group, ms: s.cpuTicks * TICK_MS });
	const kids = children(stats);
	const self = byPid.get(process.pid);
	const mine = new Set<number>();
	if (self) for (const s of [self, ...below(self.pid, kids)]) add(s, 'clients'), mine.add(s.pid);
	const root = suiteRoot(byPid);
	if (root === null) {
		if (!warned && stats.length > 0) console.warn('[bench/cpu] not inside an Emulator Suite started by firebase-tools: only this process is counted');
		warned = true;
		return out;
	}
	// The benchmark's own ancestry below the suite (sh, npx, tsx's wrapper) waits; it is not the suite's work.
	const ancestors = new Set<number>();
	for (let pid = self?.ppid; pid && pid !== root; pid = byPid.get(pid)?.ppid) ancestors.add(pid);
	for (const s of [byPid.get(root)!, ...below(root, kids)]) {
		if (mine.has(s.pid) || ancestors.has(s.pid)) continue;
		const cmd = commandLine(s.pid);
		add(s, /\bjava\b/.test(cmd) && /firestore/i.test(cmd) ? 'firestore' : /functionsEmulatorRuntime/.test(cmd) ? 'functions' : 'firebase-tools');
	}
	return out;
}

/** CPU milliseconds per group between two samples (a process that started between them counts from 0; one that ended is lost). */
export function cpuBetween(before: CpuSample, after: CpuSample): Record<CpuGroup, number> {
	const out = Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])) as Record<CpuGroup, number>;
	for (const [key, a] of after) out[a.group] += a.ms - (before.get(key)?.ms ?? 0);
	return out;
}
