// Every text of the exported documents (the plan's DOCX and XLSX, the overview's XLSX), in Swedish:
// the catalogue's part for files, kept apart from sv.ts because the functions bundle it and need no
// screen text. Wording follows Tillväxtverket's form "Uppföljning och redovisning av insatser".
import type { ExportTexts } from '../domain/export-model';
import * as sv from './sv';

export const exportSv = {
	title: 'Uppföljning och redovisning av insatser i regionalt serviceprogram',
	questionsTitle: 'Frågor för uppföljning av regionala serviceprogram',
	numberTitle: 'Insats',
	areaTitle: 'Prioriterat område',
	// The form heads each table "Prioriterat område 1. Stärka …" and writes "Region: Jämtland Härjedalen".
	areaHeading: (n, title) => `Prioriterat område ${n}. ${title}`,
	regionLine: (shortName) => `Region: ${shortName}`,
	yearLine: (year) => `Verksamhetsår ${year}`,
	status: {
		draft: (exported) => `Utkast – exporterad ${exported}`,
		submitted: (exported) => `Inlämnad – exporterad ${exported}`,
		submittedBy: (name, at, exported) => `Inlämnad av ${name} ${at} – exporterad ${exported}`
	},
	noRows: 'Inga insatser.',
	noAnswer: 'Inget svar.',
	noQuestions: 'Året har inga uppföljningsfrågor.',
	mark: 'X',
	partsTitle: 'Delarna i tabellen',
	// The form's own paragraphs after a part's help text (seed 001, "Delarna i tabellen"); the
	// templates hold only the short help the table's header repeats.
	partNotes: {
		followUp: [
			'Med prestationer avses antal och omfattning av genomförda aktiviteter. Till exempel antal utbetalda stöd, antal deltagande organisationer eller antal framtagna kunskapsunderlag.',
			'Med effekter på kort sikt avses förändrad förmåga hos målgruppen. Till exempel ny/ökad kunskap, ökade finansiella resurser eller tillgång till mötesplatser.',
			'Med effekter på medellång sikt avses förändrat beteende hos målgrupper. Till exempel tillämpning av ny kunskap eller nya varor/tjänster.',
			'Med effekter på lång sikt avses effekter av förändrat beteende hos målgruppen eller på samhällsnivå. Till exempel ökad konkurrenskraft eller bättre tillgänglighet till service.'
		]
	},
	outlook: { support: 'Stödtyp', trends: { minskar: 'Minskar', oforandrad: 'Oförändrad', okar: 'Ökar' }, comment: 'Kommentar' },
	staff: { role: 'Roll', people: 'Personer (årsarbetskrafter)', shares: 'Årsarbetskrafter', total: 'Totalt', person: (name, share) => `${name}: ${share}` },
	contacts: { role: 'Roll', name: 'Namn', email: 'E-post' },
	actors: { actor: 'Aktör', collaboration: 'Beskriv samverkan', step: 'Steg i samverkanstrappan', challenges: 'Eventuella utmaningar eller framgångsfaktorer' },
	/** The same words as the plan page's "Godkännande" section. */
	signOffs: {
		title: 'Organisationernas godkännande',
		org: sv.signOff.columns.org,
		state: sv.signOff.columns.state,
		by: sv.signOff.columns.by,
		at: 'Datum',
		states: sv.signOff.states
	},
	creator: 'Planbordet',
	documentTitle: (title, region, year) => `${title} – ${region} ${year}`,
	/** The footer's page number: "Sida 2 av 5", the numbers are Word fields. */
	page: { before: 'Sida ', between: ' av ' },
	xlsx: {
		planSheet: 'Handlingsplan',
		questionsSheet: 'Frågor',
		aboutSheet: 'Om exporten',
		leafTitle: (group, choice) => `${group}: ${choice}`,
		about: { title: 'Titel', region: 'Region', year: 'Verksamhetsår', status: 'Status', exported: 'Exporterad' },
		columnsTitle: 'Kolumnerna'
	}
} satisfies ExportTexts;

/** The national overview's workbook (render-overview-xlsx.ts). */
export const overviewExportSv = {
	sheet: 'Översikt',
	aboutSheet: 'Om exporten',
	title: 'Översikt över regionernas handlingsplaner',
	creator: 'Planbordet',
	/** The overview sheet's columns in order: header and width. */
	columns: [
		{ header: 'Region', width: 32 },
		{ header: 'Verksamhetsår', width: 14 },
		{ header: 'Status', width: 14 },
		{ header: 'Sista dag', width: 18 },
		{ header: 'Dagar kvar', width: 11 },
		{ header: 'Inlämnad av', width: 26 },
		{ header: 'Inlämnad', width: 18 },
		{ header: 'Öppnad igen (antal)', width: 12 },
		{ header: 'Insatser', width: 10 },
		{ header: 'Kompletta insatser', width: 12 },
		{ header: 'Saknade uppgifter', width: 12 },
		{ header: 'Klart (%)', width: 10 },
		{ header: 'Mall', width: 14 },
		{ header: 'Länk till planen', width: 50 }
	],
	/** The same words as the overview page. */
	statusLabel: sv.overview.statusLabel,
	/** The Insatser cell of a plan with a row that cannot be read (ids can be long: the cell shows at most 60 characters of it). */
	unreadable: (rowId: string) => `Kan inte läsas: insats ${rowId.length > 60 ? `${rowId.slice(0, 60)}…` : rowId}`,
	about: {
		title: 'Titel',
		exported: 'Exporterad',
		year: 'Verksamhetsår',
		status: 'Status',
		all: 'alla',
		rows: 'Rader',
		perStatus: 'Antal per status',
		perStatusOfYear: (year: string | number) => `Antal per status, ${year}`,
		total: 'Totalt'
	}
} as const;
