import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	instant,
	email,
	id,
	MAX_TEXT,
	organization,
	staff,
	region,
	member,
	plan,
	template,
	column,
	rowFields,
	rowRevs,
	row,
	storedRow,
	cellRef,
	presence,
	mail,
	erasePersonInput,
	requestSignInLinkInput,
	templateContent,
	valueSchema,
	MAX_SHORT_FIELD
} from './schemas';

const seedTemplate = (name: string): unknown =>
	JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', `${name}.json`), 'utf8'));

/** A Firestore Timestamp-like: anything with toDate(). */
const timestampLike = (d: Date) => ({ seconds: Math.floor(d.getTime() / 1000), nanoseconds: 0, toDate: () => d });

const when = new Date('2026-03-01T10:00:00Z');

describe('instant', () => {
	it('passes a Date through', () => {
		expect(instant.parse(when)).toEqual(when);
	});

	it('converts a Timestamp-like object via toDate()', () => {
		const out = instant.parse(timestampLike(when));
		expect(out).toBeInstanceOf(Date);
		expect(out.getTime()).toBe(when.getTime());
	});

	it('rejects strings, numbers, null and objects without toDate', () => {
		expect(instant.safeParse('2026-03-01T10:00:00Z').success).toBe(false);
		expect(instant.safeParse(when.getTime()).success).toBe(false);
		expect(instant.safeParse(null).success).toBe(false);
		expect(instant.safeParse({ seconds: 1, nanoseconds: 0 }).success).toBe(false);
		expect(instant.safeParse({ toDate: 'not a function' }).success).toBe(false);
	});

	it('rejects an invalid Date', () => {
		expect(instant.safeParse(new Date('nonsense')).success).toBe(false);
	});
});

describe('email', () => {
	it('normalises case and surrounding whitespace', () => {
		expect(email.parse('  Malin.Samordnare@Region-JH.Example  ')).toBe('malin.samordnare@region-jh.example');
	});

	it('rejects strings that are not addresses', () => {
		for (const bad of ['', '   ', 'malin', 'malin@', '@example.se', 'malin samordnare@example.se']) {
			expect(email.safeParse(bad).success, bad).toBe(false);
		}
	});

	it('reports invalid-email as the message', () => {
		const r = email.safeParse('nope');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toBe('invalid-email');
	});
});

describe('id', () => {
	it('accepts letters, digits, dash and underscore', () => {
		expect(id.parse('jh23-1-01')).toBe('jh23-1-01');
		expect(id.parse('u_samordnare_JH')).toBe('u_samordnare_JH');
	});

	it('rejects empty, too long, and path-like ids', () => {
		expect(id.safeParse('').success).toBe(false);
		expect(id.safeParse('a'.repeat(129)).success).toBe(false);
		expect(id.safeParse('a'.repeat(128)).success).toBe(true);
		expect(id.safeParse('regions/x').success).toBe(false);
		expect(id.safeParse('ö').success).toBe(false);
		expect(id.safeParse('a b').success).toBe(false);
	});
});

describe('organization', () => {
	const valid = { name: 'Bergs kommun', shortName: 'Berg', kind: 'kommun', regionId: 'jamtland-harjedalen', color: '#2e6b30' };

	it('accepts a valid organisation, also with a null region', () => {
		expect(organization.parse(valid)).toEqual(valid);
		expect(organization.safeParse({ ...valid, kind: 'myndighet', regionId: null }).success).toBe(true);
	});

	it('rejects an unknown kind', () => {
		expect(organization.safeParse({ ...valid, kind: 'foretag' }).success).toBe(false);
	});

	it('rejects colours that are not #rrggbb', () => {
		for (const color of ['2e6b30', '#2e6b3', '#2e6b30ff', 'red', '#gggggg']) {
			expect(organization.safeParse({ ...valid, color }).success, color).toBe(false);
		}
	});

	it('rejects an empty name and a short name over 40 characters', () => {
		expect(organization.safeParse({ ...valid, name: '' }).success).toBe(false);
		expect(organization.safeParse({ ...valid, shortName: 'x'.repeat(41) }).success).toBe(false);
	});
});

describe('staff', () => {
	const valid = { email: 'handlaggare@tillvaxtverket.example', name: 'Tove Handläggare', orgId: 'tillvaxtverket', role: 'reader' };

	it('accepts reader and admin', () => {
		expect(staff.parse(valid)).toEqual(valid);
		expect(staff.safeParse({ ...valid, role: 'admin' }).success).toBe(true);
	});

	it('rejects other roles and a bad email', () => {
		expect(staff.safeParse({ ...valid, role: 'coordinator' }).success).toBe(false);
		expect(staff.safeParse({ ...valid, email: 'tove' }).success).toBe(false);
	});

	it('normalises the email', () => {
		expect(staff.parse({ ...valid, email: ' Handlaggare@Tillvaxtverket.Example ' }).email).toBe('handlaggare@tillvaxtverket.example');
	});
});

describe('region', () => {
	const areas = [
		{ number: 1, title: 'Tillgänglighet' },
		{ number: 2, title: 'Stöd och rådgivning' },
		{ number: 3, title: 'Samordning' }
	];

	it('accepts areas numbered 1..n in order', () => {
		expect(region.parse({ name: 'Region Jämtland Härjedalen', areas })).toEqual({ name: 'Region Jämtland Härjedalen', areas });
	});

	it('rejects areas not numbered 1..n', () => {
		const cases = [
			[{ number: 2, title: 'a' }],
			[
				{ number: 1, title: 'a' },
				{ number: 3, title: 'b' }
			],
			[
				{ number: 2, title: 'a' },
				{ number: 1, title: 'b' }
			],
			[
				{ number: 1, title: 'a' },
				{ number: 1, title: 'b' }
			]
		];
		for (const a of cases) {
			const r = region.safeParse({ name: 'R', areas: a });
			expect(r.success, JSON.stringify(a)).toBe(false);
			expect(r.error?.issues.map((i) => i.message)).toContain('areas-not-numbered-1-to-n');
		}
	});

	it('rejects no areas and more than 20', () => {
		expect(region.safeParse({ name: 'R', areas: [] }).success).toBe(false);
		const many = Array.from({ length: 21 }, (_, i) => ({ number: i + 1, title: `a${i}` }));
		expect(region.safeParse({ name: 'R', areas: many }).success).toBe(false);
		expect(region.safeParse({ name: 'R', areas: many.slice(0, 20) }).success).toBe(true);
	});

	it('rejects non-integer area numbers', () => {
		expect(region.safeParse({ name: 'R', areas: [{ number: 1.5, title: 'a' }] }).success).toBe(false);
	});
});

describe('member', () => {
	const valid = { email: 'krokom@kommun.example', name: 'Karin Krokom', orgId: 'krokom', role: 'editor' };

	it('accepts coordinator and editor; a member without a status is active', () => {
		expect(member.parse(valid)).toEqual({ ...valid, status: 'active', invitedAt: null, invitedBy: null, invitationExpiresAt: null, lastActiveAt: null });
		expect(member.safeParse({ ...valid, role: 'coordinator' }).success).toBe(true);
	});

	it('rejects a bad email', () => {
		expect(member.safeParse({ ...valid, email: 'krokom@' }).success).toBe(false);
		expect(member.safeParse({ ...valid, email: '' }).success).toBe(false);
	});

	it('rejects a role that is not a member role', () => {
		for (const role of ['admin', 'reader', 'owner', '']) {
			expect(member.safeParse({ ...valid, role }).success, role).toBe(false);
		}
	});

	it('rejects an orgId that is not an id', () => {
		expect(member.safeParse({ ...valid, orgId: 'organizations/krokom' }).success).toBe(false);
	});

	it('normalises the email', () => {
		expect(member.parse({ ...valid, email: 'KROKOM@Kommun.example ' }).email).toBe('krokom@kommun.example');
	});
});

describe('plan', () => {
	const deadline = new Date('2024-01-31T22:59:00Z');

	it('defaults reminderOffsets to [30, 14, 7, 2, 1]', () => {
		const p = plan.parse({ templateId: 'rsp-2023', status: 'draft', deadline });
		expect(p.reminderOffsets).toEqual([30, 14, 7, 2, 1]);
	});

	it('keeps given reminderOffsets, also an empty list', () => {
		expect(plan.parse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: [10, 3] }).reminderOffsets).toEqual([10, 3]);
		expect(plan.parse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: [] }).reminderOffsets).toEqual([]);
	});

	it('converts a Timestamp-like deadline to a Date', () => {
		const p = plan.parse({ templateId: 'rsp-2023', status: 'submitted', deadline: timestampLike(deadline) });
		expect(p.deadline).toBeInstanceOf(Date);
		expect(p.deadline.toISOString()).toBe('2024-01-31T22:59:00.000Z');
	});

	it('rejects an unknown status and bad offsets', () => {
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'open', deadline }).success).toBe(false);
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: [-1] }).success).toBe(false);
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: [366] }).success).toBe(false);
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: [1.5] }).success).toBe(false);
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'draft', deadline, reminderOffsets: Array(21).fill(1) }).success).toBe(false);
	});

	it('requires a deadline', () => {
		expect(plan.safeParse({ templateId: 'rsp-2023', status: 'draft' }).success).toBe(false);
	});
});

describe('template', () => {
	const parts = [
		{ key: 'plan', title: 'Handlingsplan för verksamhetsår {year}', help: '' },
		{ key: 'nextYear', title: 'Till nästa år, {nextYear}', help: '' }
	];
	const columns = [
		{ key: 'action', part: 'plan', title: 'Planerade insatser', type: 'longText' },
		{ key: 'status', part: 'nextYear', title: 'Status', type: 'singleChoice', choices: [{ value: 'klar', label: 'Klar' }] }
	];
	const content = { name: 'T', years: [2025], parts, columns };
	const valid = {
		...content,
		published: true,
		keys: ['action', 'status'],
		types: { action: 'longText', status: 'singleChoice' },
		choiceValues: { action: [], status: ['klar'] }
	};
	const messages = (v: unknown) => template.safeParse(v).error?.issues.map((i) => i.message) ?? [];
	const contentMessages = (v: unknown) => templateContent.safeParse(v).error?.issues.map((i) => i.message) ?? [];

	it('accepts a valid template and fills column defaults', () => {
		const t = template.parse(valid);
		expect(t.columns[0]).toMatchObject({ help: '', choices: [], required: 'never' });
		expect(t.keys).toEqual(['action', 'status']);
		expect(t.publishedAt).toBeNull();
	});

	it('parses both seed templates', () => {
		const t23 = template.parse(seedTemplate('rsp-2023'));
		expect(t23.keys).toEqual(['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear']);
		expect(t23.types.serviceTypes).toBe('marks');
		expect(t23.choiceValues.serviceTypes).toEqual(['dagligvaror', 'drivmedel', 'ombud', 'bredare']);
		const t24 = template.parse(seedTemplate('rsp-2024'));
		expect(t24.keys).not.toContain('serviceTypes');
		expect(t24.years).toEqual([2024, 2025, 2026, 2027]);
	});

	it('rejects duplicate column keys, naming the key', () => {
		expect(contentMessages({ ...content, columns: [...columns, columns[0]] })).toContain('duplicate-column-key:action');
	});

	it('rejects a template without columns or parts or years', () => {
		expect(contentMessages({ ...content, columns: [] })).toContain('no-columns');
		expect(contentMessages({ ...content, parts: [] })).toContain('no-parts');
		expect(contentMessages({ ...content, years: [] })).toContain('no-years');
		expect(templateContent.safeParse({ ...content, years: [1999] }).success).toBe(false);
		expect(templateContent.safeParse({ ...content, years: [2025, 2025] }).success).toBe(false);
	});

	it('accepts any camelCase key and rejects other keys', () => {
		expect(templateContent.safeParse({ ...content, columns: [{ ...columns[0], key: 'kostnad' }, columns[1]] }).success).toBe(true);
		for (const key of ['Kostnad', 'kost-nad', '1a', '', 'x'.repeat(41), 'fields.x']) {
			expect(templateContent.safeParse({ ...content, columns: [{ ...columns[0], key }, columns[1]] }).success, key).toBe(false);
		}
	});

	it('a choice column needs choices, with unique values; a text column has none', () => {
		expect(contentMessages({ ...content, columns: [columns[0], { ...columns[1], choices: [] }] })).toContain('choices-missing:status');
		expect(contentMessages({ ...content, columns: [columns[0], { ...columns[1], choices: [{ value: '', label: 'Ej angiven' }] }] })).toContain('choices-missing:status');
		const dupChoice = { ...columns[1], choices: [{ value: 'klar', label: 'Klar' }, { value: 'klar', label: 'Klar igen' }] };
		expect(contentMessages({ ...content, columns: [columns[0], dupChoice] })).toContain('duplicate-choice:status');
		const marks = { key: 'slag', part: 'plan', title: 'Slag', type: 'marks', choices: [{ value: '', label: 'Inget' }, { value: 'ombud', label: 'Ombud' }] };
		expect(contentMessages({ ...content, columns: [...columns, marks] })).toContain('empty-mark-value:slag');
		expect(contentMessages({ ...content, columns: [{ ...columns[0], choices: [{ value: 'a', label: 'A' }] }, columns[1]] })).toContain('choices-on-text:action');
	});

	it('"required when status is set" needs a status choice column', () => {
		const onlyText = { ...content, columns: [{ ...columns[0], required: 'whenStatusSet' }] };
		expect(contentMessages(onlyText)).toContain('when-status-set-without-status');
		expect(templateContent.safeParse({ ...content, columns: [{ ...columns[0], required: 'whenStatusSet' }, columns[1]] }).success).toBe(true);
	});

	it('rejects keys, types or choice values that do not repeat the columns', () => {
		expect(messages({ ...valid, keys: ['action'] })).toContain('keys-must-list-the-columns');
		expect(messages({ ...valid, keys: ['status', 'action'] })).toContain('keys-must-list-the-columns');
		expect(messages({ ...valid, types: { action: 'shortText', status: 'singleChoice' } })).toContain('types-must-match:action');
		expect(messages({ ...valid, types: { ...valid.types, extra: 'longText' } })).toContain('types-must-list-the-columns');
		expect(messages({ ...valid, choiceValues: { action: [], status: ['klar', 'fortsatter'] } })).toContain('choice-values-must-match:status');
	});

	it('rejects a column in a part the template does not have', () => {
		const r = templateContent.safeParse({ ...content, columns: [...columns, { key: 'outputs', part: 'followUp', title: 'Resultat', type: 'longText' }] });
		expect(r.success).toBe(false);
		const issue = r.error?.issues.find((i) => i.message === 'unknown-part:followUp');
		expect(issue?.path).toEqual(['columns', 2, 'part']);
	});

	it('rejects unknown column types and part keys', () => {
		expect(templateContent.safeParse({ ...content, columns: [{ ...columns[0], type: 'richText' }, columns[1]] }).success).toBe(false);
		expect(templateContent.safeParse({ ...content, parts: [...parts, { key: 'appendix', title: 'Bilaga' }] }).success).toBe(false);
	});
});

describe('column', () => {
	it('defaults help, choices, required and level (block, so stored templates keep their meaning)', () => {
		expect(column.parse({ key: 'goal', part: 'plan', title: 'Mål', type: 'longText' })).toEqual({
			key: 'goal',
			part: 'plan',
			title: 'Mål',
			help: '',
			type: 'longText',
			choices: [],
			required: 'never',
			level: 'block'
		});
	});

	it('takes the warn level and rejects an unknown one', () => {
		expect(column.parse({ key: 'goal', part: 'plan', title: 'Mål', type: 'longText', required: 'always', level: 'warn' }).level).toBe('warn');
		expect(column.safeParse({ key: 'goal', part: 'plan', title: 'Mål', type: 'longText', required: 'always', level: 'maybe' }).success).toBe(false);
	});

	it('rejects an unknown requirement', () => {
		expect(column.safeParse({ key: 'goal', part: 'plan', title: 'Mål', type: 'longText', required: 'sometimes' }).success).toBe(false);
	});
});

describe('rowFields and valueSchema', () => {
	it('accepts text and lists of choices under any key, and an empty object', () => {
		const full = { action: 'Insats', serviceTypes: ['dagligvaror', 'ombud'], status: 'fortsatter', kostnad: '100 kr' };
		expect(rowFields.parse(full)).toEqual(full);
		expect(rowFields.parse({})).toEqual({});
	});

	it('rejects values that are neither text nor a list of choices, and malformed keys', () => {
		expect(rowFields.safeParse({ goal: 12 }).success).toBe(false);
		expect(rowFields.safeParse({ goal: null }).success).toBe(false);
		expect(rowFields.safeParse({ goal: { a: 1 } }).success).toBe(false);
		expect(rowFields.safeParse({ 'fields.goal': 'x' }).success).toBe(false);
	});

	it('accepts text of exactly 10,000 characters and rejects 10,001', () => {
		expect(MAX_TEXT).toBe(10_000);
		expect(rowFields.safeParse({ action: 'a'.repeat(10_000) }).success).toBe(true);
		expect(rowFields.safeParse({ action: 'a'.repeat(10_001) }).success).toBe(false);
	});

	it('checks a value against its column: type, length and choices', () => {
		const status = column.parse({ key: 'status', part: 'nextYear', title: 'S', type: 'singleChoice', choices: [{ value: 'klar', label: 'Klar' }, { value: 'fortsatter', label: 'Fortsätter' }] });
		for (const v of ['klar', 'fortsatter', '']) expect(valueSchema(status).safeParse(v).success, v).toBe(true);
		for (const v of ['maybe', 'Klar', ['klar']]) expect(valueSchema(status).safeParse(v).success, String(v)).toBe(false);
		const marks = column.parse({ key: 'slag', part: 'plan', title: 'S', type: 'marks', choices: [{ value: 'ombud', label: 'Ombud' }, { value: 'bredare', label: 'Bredare' }] });
		expect(valueSchema(marks).safeParse(['ombud', 'bredare']).success).toBe(true);
		expect(valueSchema(marks).safeParse([]).success).toBe(true);
		expect(valueSchema(marks).safeParse(['ombud', 'ombud']).success).toBe(false);
		expect(valueSchema(marks).safeParse(['apotek']).success).toBe(false);
		expect(valueSchema(marks).safeParse('ombud').success).toBe(false);
		const short = column.parse({ key: 'kostnad', part: 'plan', title: 'K', type: 'shortText' });
		expect(valueSchema(short).safeParse('x'.repeat(MAX_SHORT_FIELD)).success).toBe(true);
		expect(valueSchema(short).safeParse('x'.repeat(MAX_SHORT_FIELD + 1)).success).toBe(false);
	});
});

describe('rowRevs', () => {
	it('accepts non-negative integer revisions per key', () => {
		expect(rowRevs.parse({ action: 3, status: 0 })).toEqual({ action: 3, status: 0 });
		expect(rowRevs.parse({})).toEqual({});
	});

	it('rejects negative or fractional revisions and malformed keys', () => {
		expect(rowRevs.safeParse({ action: -1 }).success).toBe(false);
		expect(rowRevs.safeParse({ action: 1.5 }).success).toBe(false);
		expect(rowRevs.safeParse({ 'a.b': 1 }).success).toBe(false);
	});
});

describe('row', () => {
	const valid = {
		area: 1,
		position: 'a0',
		fields: { action: 'Insats' },
		revs: { action: 1 },
		createdBy: 'u-samordnare-jh',
		updatedBy: 'u-krokom',
		updatedAt: when
	};

	it('accepts a valid row and converts a Timestamp-like updatedAt', () => {
		expect(row.parse(valid)).toEqual(valid);
		expect(row.parse({ ...valid, updatedAt: timestampLike(when) }).updatedAt.getTime()).toBe(when.getTime());
	});

	it('takes a position key of 2 to 64 base-62 characters, a letter first, and no number', () => {
		for (const position of ['Zz', 'a0V', 'b00', `a${'z'.repeat(63)}`]) expect(row.safeParse({ ...valid, position }).success).toBe(true);
		for (const position of [1024, 1536.5, 'a', '0a', 'a-1', 'aä', `a${'0'.repeat(64)}`, '']) expect(row.safeParse({ ...valid, position }).success).toBe(false);
	});

	it('reads a legacy numeric position as stored (storedRow), but never a non-finite one', () => {
		expect(storedRow.parse({ ...valid, position: 1536.5 }).position).toBe(1536.5);
		expect(storedRow.parse(valid).position).toBe('a0');
		for (const position of [NaN, Infinity, 'a', null]) expect(storedRow.safeParse({ ...valid, position }).success).toBe(false);
	});

	it('rejects area 0, bad fields, and empty authors', () => {
		expect(row.safeParse({ ...valid, area: 0 }).success).toBe(false);
		expect(row.safeParse({ ...valid, fields: { action: 'x', extra: 3 } }).success).toBe(false);
		expect(row.safeParse({ ...valid, createdBy: '' }).success).toBe(false);
		expect(row.safeParse({ ...valid, updatedBy: '' }).success).toBe(false);
		expect(row.safeParse({ ...valid, updatedAt: null }).success).toBe(false);
	});
});

describe('presence', () => {
	const valid = { name: 'Karin Krokom', orgId: 'krokom', cell: { rowId: 'jh23-1-01', field: 'goal' }, lastSeen: when, expireAt: when };

	it('accepts a presence in a cell and one with no cell, in no questionnaire field unless it says so', () => {
		expect(presence.parse(valid)).toEqual({ ...valid, answer: null });
		expect(presence.parse({ ...valid, cell: null }).cell).toBeNull();
	});

	it('accepts a presence in a questionnaire field, and refuses a malformed one', () => {
		const answer = { questionId: 'q2-framtidsspaning', field: 'text' };
		expect(presence.parse({ ...valid, cell: null, answer }).answer).toEqual(answer);
		expect(presence.safeParse({ ...valid, answer: { questionId: 'q2', field: '' } }).success).toBe(false);
		expect(presence.safeParse({ ...valid, answer: { questionId: 'q/2', field: 'text' } }).success).toBe(false);
	});

	it('converts a Timestamp-like lastSeen', () => {
		expect(presence.parse({ ...valid, lastSeen: timestampLike(when) }).lastSeen).toEqual(when);
	});

	it('requires its TTL expiry', () => {
		const { expireAt: _, ...withoutExpiry } = valid;
		expect(presence.safeParse(withoutExpiry).success).toBe(false);
	});

	it('rejects a cell with an unknown field or a bad row id', () => {
		expect(presence.safeParse({ ...valid, cell: { rowId: 'jh23-1-01', field: 'Budget' } }).success).toBe(false);
		expect(cellRef.safeParse({ rowId: 'a/b', field: 'goal' }).success).toBe(false);
	});
});

describe('mail', () => {
	const valid = {
		to: ['Malin@Region-JH.example'],
		subject: 'Din inloggningslänk till Planbordet',
		text: 'Hej!',
		kind: 'sign-in',
		createdAt: when,
		state: 'pending',
		attempts: 0,
		expireAt: when
	};

	it('accepts a pending mail, normalises recipients and defaults error and sentAt to null', () => {
		const m = mail.parse(valid);
		expect(m.to).toEqual(['malin@region-jh.example']);
		expect(m.error).toBeNull();
		expect(m.sentAt).toBeNull();
		expect(m.html).toBeUndefined();
	});

	it('converts a Timestamp-like sentAt', () => {
		expect(mail.parse({ ...valid, state: 'sent', sentAt: timestampLike(when) }).sentAt).toEqual(when);
	});

	it('requires its TTL expiry', () => {
		const { expireAt: _, ...withoutExpiry } = valid;
		expect(mail.safeParse(withoutExpiry).success).toBe(false);
	});

	it('rejects no recipients, a bad recipient, an unknown state and negative attempts', () => {
		expect(mail.safeParse({ ...valid, to: [] }).success).toBe(false);
		expect(mail.safeParse({ ...valid, to: ['not-an-address'] }).success).toBe(false);
		expect(mail.safeParse({ ...valid, state: 'queued' }).success).toBe(false);
		expect(mail.safeParse({ ...valid, attempts: -1 }).success).toBe(false);
		expect(mail.safeParse({ ...valid, subject: 'x'.repeat(301) }).success).toBe(false);
	});

	it('accepts extra headers such as List-Unsubscribe', () => {
		const headers = { 'List-Unsubscribe': '<https://planbordet.example/api/unsubscribe?token=a.b>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
		expect(mail.parse({ ...valid, headers }).headers).toEqual(headers);
	});

	it('rejects a header name that is not a token and a value that would inject another header', () => {
		expect(mail.safeParse({ ...valid, headers: { 'Bad Name': 'x' } }).success).toBe(false);
		expect(mail.safeParse({ ...valid, headers: { 'X-Ok': 'x\r\nBcc: someone@example.org' } }).success).toBe(false);
		expect(mail.safeParse({ ...valid, headers: { 'X-Ok': 'x\nBcc: someone@example.org' } }).success).toBe(false);
	});
});

describe('requestSignInLinkInput', () => {
	it('accepts an email and normalises it', () => {
		expect(requestSignInLinkInput.parse({ email: ' Karin@Kommun.Example ' })).toEqual({ email: 'karin@kommun.example' });
	});

	it('rejects extra keys and a missing or bad email', () => {
		expect(requestSignInLinkInput.safeParse({ email: 'karin@kommun.example', continueUrl: 'https://evil.example' }).success).toBe(false);
		expect(requestSignInLinkInput.safeParse({}).success).toBe(false);
		expect(requestSignInLinkInput.safeParse({ email: 'karin' }).success).toBe(false);
	});
});

describe('erasePersonInput', () => {
	it('takes a uid or an address (normalised), not both and not neither', () => {
		expect(erasePersonInput.parse({ uid: 'u-krokom' })).toEqual({ uid: 'u-krokom' });
		expect(erasePersonInput.parse({ email: ' Karin@Krokom.Example ' })).toEqual({ email: 'karin@krokom.example' });
		expect(erasePersonInput.safeParse({ uid: 'u-krokom', email: 'karin@krokom.example' }).success).toBe(false);
		expect(erasePersonInput.safeParse({}).success).toBe(false);
		expect(erasePersonInput.safeParse({ email: 'inte en adress' }).success).toBe(false);
	});
});
