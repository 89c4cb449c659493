// Every text Planbordet's browser app shows, in Swedish: one catalogue, so wording is reviewed and
// changed in one place. Texts with values are functions.
export const sv = {
	app: {
		name: 'Planbordet',
		tagline: 'Service Z:s handlingsplan',
		skipToContent: 'Hoppa till innehållet',
		loading: 'Laddar …',
		signOut: 'Logga ut',
		signedInAs: 'Inloggad som',
		notFoundTitle: 'Sidan finns inte',
		notFound: 'Sidan du försökte öppna finns inte.',
		errorTitle: 'Något gick fel',
		backHome: 'Till startsidan',
		noAccess: 'Ditt konto är inte medlem i någon region i Planbordet. Kontakta regionens samordnare.',
		profileError: 'Dina uppgifter kunde inte hämtas. Kontrollera anslutningen och försök igen.',
		retry: 'Försök igen',
		staffRole: { reader: 'Tillväxtverket, läsbehörighet', admin: 'Tillväxtverket, administratör' }
	},
	signIn: {
		title: 'Logga in',
		intro: 'Skriv din e-postadress så skickar vi en inloggningslänk. Du behöver inget lösenord.',
		emailLabel: 'E-postadress',
		send: 'Skicka inloggningslänk',
		sending: 'Skickar …',
		sent: (email: string) => `Vi har skickat en inloggningslänk till ${email}. Öppna länken i mejlet för att logga in. Länken kan bara användas en gång.`,
		sentNote: 'Hittar du inget mejl? Titta i skräpposten. Om adressen inte är inbjuden till Planbordet kommer inget mejl.',
		tooMany: 'För många försök. Vänta en stund och försök igen.',
		invalidEmail: 'E-postadressen ser inte ut att stämma. Kontrollera den och försök igen.',
		emptyEmail: 'Skriv din e-postadress.',
		failed: 'Inloggningslänken kunde inte skickas. Kontrollera anslutningen och försök igen.',
		alreadySignedIn: (name: string) => `Du är redan inloggad som ${name}.`,
		toPlans: 'Till dina planer'
	},
	confirm: {
		title: 'Logga in',
		as: (email: string) => `Logga in som ${email}`,
		button: 'Logga in',
		signingIn: 'Loggar in …',
		askEmail: 'Du öppnade länken på en annan enhet eller i en annan webbläsare. Skriv e-postadressen som länken skickades till.',
		notALink: 'Den här sidan öppnas från inloggningslänken i mejlet. Länken saknas eller är ofullständig.',
		requestNew: 'Begär en ny länk',
		usedOrExpired: 'Länken har redan använts eller har gått ut. Begär en ny länk.',
		wrongEmail: 'E-postadressen stämmer inte med länken. Skriv adressen som länken skickades till.',
		notInvited: 'Adressen är inte inbjuden till Planbordet. Kontakta regionens samordnare.',
		failed: 'Inloggningen misslyckades. Kontrollera anslutningen och försök igen.'
	},
	home: {
		title: 'Mina planer',
		intro: 'Handlingsplaner för regionala serviceprogram som du kan arbeta med.',
		staffIntro: 'Handlingsplaner för alla regioner (läsbehörighet).',
		noYears: 'Regionen har inga planer ännu.',
		year: 'År',
		status: 'Status',
		deadline: 'Sista dag att lämna in',
		open: (year: string) => `Öppna plan ${year}`,
		loading: 'Hämtar planerna …',
		regionError: (name: string) => `Planerna för ${name} kunde inte hämtas.`
	},
	planStatus: { draft: 'Utkast', submitted: 'Inlämnad' },
	role: { coordinator: 'Samordnare', editor: 'Redigerare' },
	plan: {
		formTitle: 'Uppföljning och redovisning av insatser i regionalt serviceprogram',
		partsHelp: 'Delarna i tabellen',
		region: (name: string) => `Region: ${name}`,
		yearLine: (year: string, status: string) => `Verksamhetsår ${year} · ${status}`,
		deadline: (date: string, left: string) => `Sista dag att lämna in: ${date} (${left})`,
		area: (n: number, title: string) => `Prioriterat område ${n}. ${title}`,
		tableLabel: (n: number, title: string) => `Insatser i prioriterat område ${n}. ${title}`,
		loading: 'Hämtar planen …',
		notFound: 'Planen finns inte.',
		denied: 'Du har inte behörighet att se den här planen.',
		submitted: 'Planen är inlämnad och kan inte ändras.',
		staffReadOnly: 'Du läser planen med Tillväxtverkets läsbehörighet och kan inte ändra den.',
		noRows: 'Inga insatser ännu.',
		addRow: 'Lägg till insats',
		addRowIn: (n: number) => `Lägg till insats i prioriterat område ${n}`,
		rowHeader: 'Insats',
		rowLabel: (number: string) => `Insats ${number}`,
		actionsHint: 'Tryck Enter för att nå radens knappar.',
		moveUp: 'Flytta upp',
		moveDown: 'Flytta ned',
		deleteRow: 'Ta bort',
		rowActionLabel: (action: string, row: string) => `${action} ${row.toLowerCase()}`,
		cellLabel: (column: string, row: string) => `${column}, ${row.toLowerCase()}`,
		markLabel: (choice: string, row: string) => `${choice}, ${row.toLowerCase()}`,
		marked: 'X',
		markedText: 'Markerad',
		gridHelp:
			'Tabellen styrs med tangentbordet: piltangenterna och Tab flyttar mellan cellerna, Enter börjar redigera, Esc avbryter och Tab eller att lämna cellen sparar.',
		addFailed: 'Insatsen kunde inte läggas till.',
		moveFailed: 'Insatsen kunde inte flyttas.',
		deleteFailed: 'Insatsen kunde inte tas bort.',
		saveFailed: 'Ändringen kunde inte sparas.',
		saveFailedText: 'Din text sparades inte. Kopiera den om du vill spara den på annat sätt:',
		goneText: 'Insatsen har tagits bort av någon annan, så din ändring kunde inte sparas. Din text:',
		dismiss: 'Stäng meddelandet',
		editing: (name: string) => `${name} redigerar`,
		unknownPerson: 'Någon annan',
		you: 'du'
	},
	confirmDelete: {
		title: 'Ta bort insatsen?',
		body: (label: string) => `${label} och allt som står i den tas bort från planen.`,
		confirm: 'Ta bort insatsen',
		cancel: 'Avbryt'
	},
	conflict: {
		title: 'Någon annan har ändrat cellen',
		intro: (column: string, row: string) => `Cellen ”${column}” i ${row.toLowerCase()} ändrades medan du skrev. Välj vilken text som ska gälla.`,
		theirs: (name: string) => `Deras text (${name})`,
		mine: 'Din text',
		keepMine: 'Behåll min text',
		useTheirs: 'Använd deras text',
		empty: '(tom)'
	},
	offline: {
		banner: (n: number) =>
			`Du är offline. ${n === 0 ? 'Inga ändringar väntar' : n === 1 ? '1 ändring väntar' : `${n} ändringar väntar`} på att skickas.`
	},
	presence: {
		label: 'Här i planen nu',
		alone: 'Bara du är här just nu.',
		self: (name: string) => `${name} (du)`
	},
	errors: {
		unavailable: 'Planbordet går inte att nå just nu. Kontrollera anslutningen; sidan uppdateras när anslutningen är tillbaka.',
		unreadable: 'Uppgifter i databasen kunde inte läsas. Kontakta regionens samordnare.',
		unreadableRows: (n: number) => `${n === 1 ? 'En insats' : `${n} insatser`} kunde inte läsas och visas inte.`,
		unauthenticated: 'Du är inte inloggad längre. Logga in igen.',
		generic: 'Något gick fel när uppgifterna skulle hämtas. Ladda om sidan.',
		templateMissing: 'Formuläret för året finns inte.',
		regionMissing: 'Regionen finns inte.'
	}
} as const;
