// What Linux's /proc says about processes and ports: a process's identity (pid + start time, so a
// recycled pid is never mistaken for ours), its command line and children, and who listens on a port.
// `npm start` uses it to record and end its own emulators — never by name. Parsers are pure.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Parses /proc/<pid>/stat. The command name may hold spaces and parentheses, so fields are read after the last ')'. */
export function parseStat(text) {
	const close = text.lastIndexOf(')');
	const pid = Number(text.slice(0, text.indexOf(' ')));
	const fields = text.slice(close + 2).trim().split(/\s+/);
	// fields[0] is field 3 (state) of proc(5); ppid is field 4, utime and stime fields 14 and 15 (clock
	// ticks, 100 a second), starttime field 22.
	return { pid, state: fields[0], ppid: Number(fields[1]), start: fields[19], cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** Listening TCP sockets in /proc/net/tcp or tcp6 text: [{ port, inode }]. */
export function parseNetTcp(text) {
	const out = [];
	for (const line of text.split('\n').slice(1)) {
		const cols = line.trim().split(/\s+/);
		if (cols.length < 10 || cols[3] !== '0A') continue; // 0A = TCP_LISTEN
		out.push({ port: parseInt(cols[1].split(':')[1], 16), inode: cols[9] });
	}
	return out;
}

function read(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** { pid, ppid, start, state, cpuTicks } of a live process, or null. A zombie counts as gone. */
export function procStat(pid) {
	const text = read(`/proc/${pid}/stat`);
	if (!text) return null;
	const stat = parseStat(text);
	return stat.state === 'Z' ? null : stat;
}

export function commandLine(pid) {
	return (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
}

/** A record that identifies this process for as long as it lives: pid, kernel start time, command line. */
export function identify(pid, role) {
	const stat = procStat(pid);
	return stat ? { pid, start: stat.start, role, cmd: commandLine(pid).slice(0, 300) } : null;
}

/** True when the recorded process still runs — the same one, not a later process given the same pid. */
export function isSameProcess(record) {
	return procStat(record.pid)?.start === record.start;
}

export function allPids() {
	return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

/** Pure: every pid below `root` in a list of { pid, ppid }. */
export function descendantsIn(stats, root) {
	const children = new Map();
	for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
	const out = [];
	const queue = [root];
	while (queue.length) for (const c of children.get(queue.shift()) ?? []) out.push(c), queue.push(c);
	return out;
}

export function descendants(pid) {
	return descendantsIn(allPids().map(procStat).filter(Boolean), pid);
}

/** Map port → pid of the process listening on it (among `ports`), found through socket inodes in /proc/<pid>/fd. */
export function listeners(ports) {
	const wanted = new Set(ports);
	const byInode = new Map();
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		for (const { port, inode } of parseNetTcp(read(file) ?? '')) if (wanted.has(port)) byInode.set(inode, port);
	}
	const found = new Map();
	if (byInode.size === 0) return found;
	for (const pid of allPids()) {
		let fds;
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			let link;
			try {
				link = readlinkSync(`/proc/${pid}/fd/${fd}`);
			} catch {
				continue;
			}
			const m = /^socket:\[(\d+)\]$/.exec(link);
			if (m && byInode.has(m[1])) found.set(byInode.get(m[1]), pid);
		}
	}
	return found;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Ends the recorded processes that still are the same processes: SIGTERM, then SIGKILL after `graceMs`. Returns those ended. */
export async function endProcesses(records, { graceMs = 5000 } = {}) {
	const live = records.filter(isSameProcess);
	for (const r of live) {
		try {
			process.kill(r.pid, 'SIGTERM');
		} catch {
			/* gone meanwhile */
		}
	}
	const until = Date.now() + graceMs;
	while (live.some(isSameProcess) && Date.now() < until) await sleep(100);
	for (const r of live.filter(isSameProcess)) {
		try {
			process.kill(r.pid, 'SIGKILL');
		} catch {
			/* gone meanwhile */
		}
	}
	while (live.some(isSameProcess) && Date.now() < until + 3000) await sleep(100);
	return live;
}
