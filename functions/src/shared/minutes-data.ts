// A meeting's minutes as the functions read them (exportMinutes, mailMinutes): the region, the plan
// and its template, the meeting and its participants, the plan's history within the meeting, the
// comments, the rows, the organisations and the members, each parsed with its schema; then
// minutes.ts minutesOf and minutes-report.ts in the catalogue's words (sv.minutes), as the app shows them.
import type { Firestore } from 'firebase-admin/firestore';
import { parseStored, planRows } from './plan-rows';
import { minutesOf, type Minutes } from '../../../src/lib/domain/minutes';
import { minutesReport, type MinutesReport } from '../../../src/lib/domain/minutes-report';
import { areaSections, regionShortName, rowNumbers } from '../../../src/lib/domain/plan-table';
import { comment, historyEntry, meeting, meetingParticipant, member, organization, plan, region, template, type Meeting, type Member } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';
import * as sv from '../../../src/lib/i18n/sv';

export interface LoadedMinutes {
	meeting: Meeting;
	minutes: Minutes;
	report: MinutesReport;
	regionName: string;
	/** The participants' uids (the document ids). */
	participantUids: string[];
	/** Every membership of the region that parses, by uid. */
	members: Map<string, Member>;
}

/**
 * Everything the minutes are made of; null when the region, the year or the meeting does not exist.
 * A stored document that fails its schema throws (InvalidRow, InvalidDocument): the minutes must not
 * leave out what they cannot read.
 */
export async function loadMinutes(fs: Firestore, input: { regionId: string; year: string; meetingId: string; now: Date }): Promise<LoadedMinutes | null> {
	const { regionId, year, meetingId, now } = input;
	const [regionSnap, yearSnap, meetingSnap] = await Promise.all([
		fs.doc(paths.region(regionId)).get(),
		fs.doc(paths.year(regionId, year)).get(),
		fs.doc(paths.meeting(regionId, year, meetingId)).get()
	]);
	if (!regionSnap.exists || !yearSnap.exists || !meetingSnap.exists) return null;
	const r = parseStored(region, regionSnap);
	const p = parseStored(plan, yearSnap);
	const m = parseStored(meeting, meetingSnap);
	const end = m.endedAt ?? now;
	const [templateSnap, participantsSnap, historySnap, commentsSnap, rowsSnap, orgsSnap, membersSnap] = await Promise.all([
		fs.doc(paths.template(p.templateId)).get(),
		fs.collection(paths.meetingParticipants(regionId, year, meetingId)).get(),
		fs.collection(paths.history(regionId, year)).where('at', '>=', m.startedAt).where('at', '<=', end).orderBy('at').get(),
		fs.collection(paths.comments(regionId, year)).get(),
		fs.collection(paths.rows(regionId, year)).get(),
		fs.collection(paths.organizations()).where('regionId', '==', regionId).get(),
		fs.collection(paths.members(regionId)).get()
	]);
	const t = parseStored(template, templateSnap);
	const participants = participantsSnap.docs.map((d) => ({ id: d.id, data: parseStored(meetingParticipant, d) }));
	const rows = planRows(rowsSnap.docs).map((x) => ({ id: x.id, area: x.row.area, position: x.row.position }));
	// A membership that does not parse is nobody to name or mail (mailMembersIn does the same).
	const members = new Map(
		membersSnap.docs.flatMap((d) => {
			const parsed = member.safeParse(d.data());
			return parsed.success ? [[d.id, parsed.data] as const] : [];
		})
	);
	const orgNames = Object.fromEntries(orgsSnap.docs.map((d) => [d.id, parseStored(organization, d).name]));
	const minutes = minutesOf({
		meeting: m,
		participants,
		history: historySnap.docs.map((d) => ({ id: d.id, data: parseStored(historyEntry, d) })),
		comments: commentsSnap.docs.map((d) => ({ id: d.id, data: parseStored(comment, d) })),
		rows,
		orgNames,
		now
	});
	const names = new Map([...[...members].map(([uid, x]) => [uid, x.name] as const), ...participants.map((x) => [x.id, x.data.name] as const)]);
	const report = minutesReport(minutes, {
		year,
		regionName: regionShortName(r.name),
		columns: t.columns,
		numbers: rowNumbers(areaSections(r.areas, rows)),
		names,
		words: sv.minutes
	});
	return { meeting: m, minutes, report, regionName: r.name, participantUids: participants.map((x) => x.id), members };
}
