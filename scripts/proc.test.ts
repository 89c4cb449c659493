// The /proc parsers and process identity that `npm start` ends its own leftovers by.
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { descendantsIn, endProcesses, identify, isSameProcess, listeners, parseNetTcp, parseStat } from './proc.mjs';
import { createServer } from 'node:net';

describe('parseStat', () => {
	test('reads state, ppid, CPU time and start time after the last parenthesis, whatever the command name holds', () => {
		const line = '4242 (java (x) y) S 17 4242 17 0 -1 4194560 1 0 0 0 5 6 0 0 20 0 30 0 987654 100 10 18446744073709551615';
		// utime 5 + stime 6 clock ticks.
		expect(parseStat(line)).toEqual({ pid: 4242, state: 'S', ppid: 17, start: '987654', cpuTicks: 11 });
	});
});

describe('parseNetTcp', () => {
	test('lists listening sockets only, with their port and inode (IPv4 and IPv6 lines)', () => {
		const text = [
			'  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
			'   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 51234 1 0 100 0 0 10 0',
			'   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 51299 1 0 100 0 0 10 0',
			'   2: 00000000000000000000000001000000:1131 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0'
		].join('\n');
		expect(parseNetTcp(text)).toEqual([
			{ port: 8080, inode: '51234' },
			{ port: 4401, inode: '777' }
		]);
	});
});

test('descendantsIn walks the whole tree below a pid and nothing beside it', () => {
	const stats = [
		{ pid: 10, ppid: 1 },
		{ pid: 11, ppid: 10 },
		{ pid: 12, ppid: 11 },
		{ pid: 13, ppid: 10 },
		{ pid: 20, ppid: 1 }
	];
	expect(descendantsIn(stats, 10).sort()).toEqual([11, 12, 13]);
	expect(descendantsIn(stats, 20)).toEqual([]);
});

describe('on this machine', () => {
	test('a recorded process is the same only while it runs with the recorded start time', async () => {
		const child = spawn('sleep', ['30']);
		const rec = identify(child.pid, 'test');
		if (!rec) throw new Error(`the sleep just spawned (pid ${child.pid}) has no /proc entry`);
		expect(rec.cmd).toBe('sleep 30');
		expect(isSameProcess(rec)).toBe(true);
		expect(isSameProcess({ ...rec, start: String(Number(rec.start) + 1) })).toBe(false); // a recycled pid
		const ended = await endProcesses([rec, { ...rec, start: '1' }], { graceMs: 2000 });
		expect(ended).toHaveLength(1);
		expect(isSameProcess(rec)).toBe(false);
	});

	test('listeners finds the pid listening on a port', async () => {
		const server = createServer();
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as { port: number }).port;
		expect(listeners([port]).get(port)).toBe(process.pid);
		server.close();
	});
});
