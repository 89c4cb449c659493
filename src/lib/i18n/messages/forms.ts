// The catalogue's `forms` texts (sv.ts re-exports every section: a page loads only the sections it uses).
/** Every form's words (components/shared/form-state.svelte.ts, i18n/failure-text.ts issueText). */
export const forms = {
	fixErrors: (n: number) => `${n === 1 ? 'En uppgift' : `${n} uppgifter`} behöver rättas. Inget har sparats.`,
	/** A callable refused the input on fields the form does not show. */
	invalidFields: (fields: string) => `Uppgifterna godtogs inte: ${fields}.`,
	/** A field's problem with no text of its own. */
	invalidValue: 'Värdet godtas inte. Kontrollera det.',
	/** A field's problem by its code (schemas.ts messages, form-check.ts issueCode); some name the param. */
	issues: {
		'name-empty': 'Skriv ett namn.',
		'name-too-long': 'Namnet får vara högst 200 tecken.',
		'invalid-email': 'E-postadressen ser inte ut att stämma. Skriv den som namn@exempel.se.',
		'short-name-empty': 'Skriv ett kortnamn.',
		'short-name-too-long': 'Kortnamnet får vara högst 40 tecken.',
		'invisible-character': 'Texten innehåller ett osynligt styrtecken, ofta från inklistrad text. Skriv in den igen för hand.',
		'invalid-color': 'Skriv färgen som # och sex hexadecimala siffror, till exempel #1f5f8b.',
		'invalid-year': 'Skriv året med fyra siffror, mellan 2000 och 2100.',
		'no-years': 'Ange minst ett år.',
		'duplicate-year': 'Samma år står två gånger.',
		'years-invalid': 'Skriv åren med fyra siffror och kommatecken emellan, till exempel 2028, 2029.',
		'years-range': 'Åren ska vara mellan 2000 och 2100.',
		'no-parts': 'Mallen behöver minst en del.',
		'duplicate-part': 'Samma del finns två gånger.',
		'no-columns': 'Mallen behöver minst en kolumn.',
		'too-many-columns': 'En mall kan ha högst 24 kolumner.',
		'duplicate-column-key': (key: string) => `Nyckeln ”${key}” används redan av en annan kolumn. Varje kolumn behöver en egen nyckel.`,
		'unknown-part': 'Kolumnen ligger i en del som inte används. Välj en annan del eller slå på delen.',
		'choices-missing': 'Kolumnen behöver minst ett val.',
		'duplicate-choice': 'Två val har samma värde.',
		'empty-mark-value': 'Varje val för X-markeringar behöver ett värde.',
		'choices-on-text': 'En textkolumn kan inte ha val.',
		'when-status-set-without-status': 'Kravet ”När status är satt” kräver en kolumn med nyckeln status av typen Ett val.',
		'title-empty': 'Skriv en rubrik.',
		'title-too-long': 'Rubriken är för lång.',
		'help-too-long': 'Hjälptexten är för lång.',
		'invalid-key': 'Nyckeln ska börja med en liten bokstav och bara innehålla bokstäverna a–z och siffror, till exempel kostnad.',
		'key-empty': 'Skriv en nyckel.',
		'key-too-long': 'Nyckeln får vara högst 40 tecken.',
		'invalid-choice-value': 'Värdet får bara innehålla små bokstäver a–z, siffror och bindestreck.',
		'value-too-long': 'Värdet får vara högst 60 tecken.',
		'choice-label-empty': 'Skriv en etikett.',
		'choice-label-too-long': 'Etiketten får vara högst 100 tecken.',
		'too-many-choices': 'En kolumn kan ha högst 20 val.',
		'invalid-id': 'Id:t får bara innehålla bokstäverna a–z, siffror, bindestreck och understreck.',
		'id-empty': 'Skriv ett id.',
		'id-too-long': 'Id:t får vara högst 128 tecken.',
		'id-taken': (id: string) => `Det finns redan en mall med id:t ”${id}”. Välj ett annat.`,
		'area-empty': 'Skriv områdets namn.',
		'area-too-long': 'Områdets namn får vara högst 500 tecken.',
		'no-areas': 'Regionen behöver minst ett prioriterat område.',
		'too-many-areas': 'En region kan ha högst 20 prioriterade områden.',
		'too-long': 'Texten är för lång.',
		'reason-too-short': 'Skriv minst 10 tecken om varför planen öppnas igen.',
		'reason-too-long': 'Anledningen får vara högst 2000 tecken.'
	} as Record<string, string | ((param: string) => string)>,
	/** A field's problem when its code has no text of its own, by the field's name (its path's last part). */
	fieldProblem: {
		name: 'Skriv ett namn.',
		email: 'Skriv en giltig e-postadress.',
		orgId: 'Välj en organisation.',
		role: 'Välj en roll.',
		shortName: 'Skriv ett kortnamn.',
		kind: 'Välj en typ.',
		color: 'Välj en färg.',
		year: 'Skriv ett år med fyra siffror.',
		templateId: 'Välj ett formulär.'
	} as Record<string, string>,
	/** Fields named in invalidFields. */
	fieldNames: {
		name: 'namn',
		email: 'e-postadress',
		orgId: 'organisation',
		role: 'roll',
		shortName: 'kortnamn',
		kind: 'typ',
		color: 'färg',
		year: 'år',
		templateId: 'formulär',
		uid: 'person',
		regionId: 'region'
	} as Record<string, string>
} as const;
