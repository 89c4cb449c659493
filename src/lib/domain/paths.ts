// Where every collection and document of the data model lives (docs/data-model.md): the one answer,
// as slash-separated strings that the client SDK (`doc(db, path)`, `collection(db, path)`) and the
// Admin SDK (`db.doc(path)`, `db.collection(path)`) both take, plus the collection-group ids queried.
// Pure: no Firebase import, so app, functions, scripts and tests share it.

const REGIONS = 'regions';
const YEARS = 'years';
const ROWS = 'rows';
const MEMBERS = 'members';
const SIGN_OFFS = 'signOffs';

/** Collection ids queried as collection groups (every region's `years`, every plan's `rows`, …). */
export const GROUPS = { years: YEARS, rows: ROWS, members: MEMBERS, signOffs: SIGN_OFFS } as const;

const regionPath = (regionId: string) => `${REGIONS}/${regionId}`;
const yearPath = (regionId: string, year: string) => `${regionPath(regionId)}/${YEARS}/${year}`;

/**
 * Every path of the data model. A plural name is a collection, a singular one a document of it;
 * a year's own collections take the region and the year.
 */
export const paths = {
	organizations: () => 'organizations',
	organization: (orgId: string) => `organizations/${orgId}`,
	templates: () => 'templates',
	template: (templateId: string) => `templates/${templateId}`,
	questionnaires: () => 'questionnaires',
	questionnaire: (questionnaireId: string) => `questionnaires/${questionnaireId}`,
	staff: () => 'staff',
	staffMember: (uid: string) => `staff/${uid}`,

	regions: () => REGIONS,
	region: regionPath,
	members: (regionId: string) => `${regionPath(regionId)}/${MEMBERS}`,
	member: (regionId: string, uid: string) => `${regionPath(regionId)}/${MEMBERS}/${uid}`,
	audit: (regionId: string) => `${regionPath(regionId)}/audit`,
	auditEntry: (regionId: string, entryId: string) => `${regionPath(regionId)}/audit/${entryId}`,
	years: (regionId: string) => `${regionPath(regionId)}/${YEARS}`,
	year: yearPath,

	rows: (regionId: string, year: string) => `${yearPath(regionId, year)}/${ROWS}`,
	row: (regionId: string, year: string, rowId: string) => `${yearPath(regionId, year)}/${ROWS}/${rowId}`,
	presence: (regionId: string, year: string) => `${yearPath(regionId, year)}/presence`,
	presenceEntry: (regionId: string, year: string, uid: string) => `${yearPath(regionId, year)}/presence/${uid}`,
	comments: (regionId: string, year: string) => `${yearPath(regionId, year)}/comments`,
	comment: (regionId: string, year: string, commentId: string) => `${yearPath(regionId, year)}/comments/${commentId}`,
	commentReads: (regionId: string, year: string) => `${yearPath(regionId, year)}/commentReads`,
	/** One person's read markers in a year. */
	commentReadsOf: (regionId: string, year: string, uid: string) => `${yearPath(regionId, year)}/commentReads/${uid}`,
	history: (regionId: string, year: string) => `${yearPath(regionId, year)}/history`,
	historyEntry: (regionId: string, year: string, entryId: string) => `${yearPath(regionId, year)}/history/${entryId}`,
	answers: (regionId: string, year: string) => `${yearPath(regionId, year)}/answers`,
	answer: (regionId: string, year: string, questionId: string) => `${yearPath(regionId, year)}/answers/${questionId}`,
	answerHistory: (regionId: string, year: string) => `${yearPath(regionId, year)}/answerHistory`,
	answerHistoryEntry: (regionId: string, year: string, entryId: string) => `${yearPath(regionId, year)}/answerHistory/${entryId}`,
	meetings: (regionId: string, year: string) => `${yearPath(regionId, year)}/meetings`,
	meeting: (regionId: string, year: string, meetingId: string) => `${yearPath(regionId, year)}/meetings/${meetingId}`,
	/** Who joined one meeting, one document per person (their uid). */
	meetingParticipants: (regionId: string, year: string, meetingId: string) => `${yearPath(regionId, year)}/meetings/${meetingId}/participants`,
	meetingParticipant: (regionId: string, year: string, meetingId: string, uid: string) => `${yearPath(regionId, year)}/meetings/${meetingId}/participants/${uid}`,
	/** The raised hands of one meeting, one per person (their uid). */
	meetingHands: (regionId: string, year: string, meetingId: string) => `${yearPath(regionId, year)}/meetings/${meetingId}/hands`,
	meetingHand: (regionId: string, year: string, meetingId: string, uid: string) => `${yearPath(regionId, year)}/meetings/${meetingId}/hands/${uid}`,
	/** The organisations' sign-offs of a year's plan, one per organisation (its id); written by signOffPlan only. */
	signOffs: (regionId: string, year: string) => `${yearPath(regionId, year)}/signOffs`,
	signOff: (regionId: string, year: string, orgId: string) => `${yearPath(regionId, year)}/signOffs/${orgId}`,

	/** The outbox: one document per mail, sent by the sendMail trigger. */
	mail: () => 'mail',
	outboxMail: (mailId: string) => `mail/${mailId}`,
	rateLimits: () => 'rateLimits',
	rateLimit: (key: string) => `rateLimits/${key}`,
	historyFailures: () => 'historyFailures',
	historyFailure: (eventId: string) => `historyFailures/${eventId}`,
	reminderOptOuts: () => 'reminderOptOuts',
	reminderOptOut: (uid: string) => `reminderOptOuts/${uid}`,
	reminderLedger: () => 'reminderLedger',
	reminderLedgerEntry: (entryId: string) => `reminderLedger/${entryId}`,
	reminderRuns: () => 'reminderRuns',
	reminderRun: (runId: string) => `reminderRuns/${runId}`,
	mentionQueue: () => 'mentionQueue',
	mentionQueueEntry: (entryId: string) => `mentionQueue/${entryId}`,
	mentionMail: () => 'mentionMail',
	mentionMailState: (uid: string) => `mentionMail/${uid}`
} as const;

/** The ids a plan document's path names (`regions/{regionId}/years/{year}`), or null for any other path. */
export function planIdsOf(path: string): { regionId: string; year: string } | null {
	const s = path.split('/');
	return s.length === 4 && s[0] === REGIONS && s[2] === YEARS && s[1] && s[3] ? { regionId: s[1], year: s[3] } : null;
}
