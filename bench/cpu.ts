// Where a benchmark's CPU goes on this machine: the processes of the Emulator Suite it runs in (found
// from this process's ancestry), grouped as the Firestore emulator, the Functions emulator's workers,
// the rest of firebase-tools (hub, Auth, hosting, the functions' host) and this process (the SDK
// clients), with their CPU time read from /proc (Linux only; elsewhere the groups stay empty).
import { readdirSync, readFileSync } from 'node:fs';

export const CPU_GROUPS = ['firestore', 'functions', 'firebase-tools', 'clients'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];
export type CpuSample = Map<number, { group: CpuGroup; ms: number }>;

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

interface Proc {
	pid: number;
	ppid: number;
	ms: number;
	args: string;
}

function readProc(pid: number): Proc | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may hold spaces: the fields start after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
		return { pid, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS, args };
	} catch {
		return null;
	}
}

function allProcs(): Proc[] {
	let names: string[];
	try {
		names = readdirSync('/proc');
	} catch {
		return [];
	}
	return names.filter((n) => /^\d+$/.test(n)).map((n) => readProc(Number(n))).filter((p): p is Proc => p !== null);
}

/** The firebase-tools process this benchmark runs under (`emulators:exec`), or null. */
function suiteRoot(procs: Map<number, Proc>): number | null {
	let pid: number | undefined = process.pid;
	while (pid && pid > 1) {
		const p = procs.get(pid);
		if (!p) return null;
		if (/emulators:(exec|start)/.test(p.args)) return pid;
		pid = p.ppid;
	}
	return null;
}

function groupOf(p: Proc): CpuGroup {
	if (p.pid === process.pid) return 'clients';
	if (/\bjava\b/.test(p.args) && /firestore/i.test(p.args)) return 'firestore';
	if (/functionsEmulatorRuntime/.test(p.args)) return 'functions';
	return 'firebase-tools';
}

/** CPU time so far of every process in the suite's tree (this process included), by pid. */
export function cpuSample(): CpuSample {
	const procs = new Map(allProcs().map((p) => [p.pid, p]));
	const root = suiteRoot(procs);
	const out: CpuSample = new Map();
	const self = procs.get(process.pid);
	if (self) out.set(self.pid, { group: 'clients', ms: self.ms });
	if (root === null) return out;
	const children = new Map<number, Proc[]>();
	for (const p of procs.values()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		const p = procs.get(pid)!;
		// The benchmark's own ancestry below the suite (sh, npx, tsx's wrapper) is not the suite's work.
		if (!out.has(pid) && (pid === root || !isAncestorOfSelf(pid, procs))) out.set(pid, { group: groupOf(p), ms: p.ms });
		for (const c of children.get(pid) ?? []) stack.push(c.pid);
	}
	return out;
}

function isAncestorOfSelf(pid: number, procs: Map<number, Proc>): boolean {
	let at: number | undefined = procs.get(process.pid)?.ppid;
	while (at && at > 1) {
		if (at === pid) return true;
		at = procs.get(at)?.ppid;
	}
	return false;
}

/** CPU milliseconds spent per group between two samples (a process that started between them counts from 0). */
export function cpuBetween(before: CpuSample, after: CpuSample): Record<CpuGroup, number> {
	const out = Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])) as Record<CpuGroup, number>;
	for (const [pid, a] of after) out[a.group] += a.ms - (before.get(pid)?.ms ?? 0);
	return out;
}
