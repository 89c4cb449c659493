// The staff admin's region forms as the person fills them: the areas' titles as typed (blank rows at
// the end left out) and an id suggested from the region's name.

/** The areas of a region form: the titles as typed, blank rows at the end left out (an empty list stays empty). */
export function areaTitles(rows: ReadonlyArray<{ title: string }>): string[] {
	const titles = rows.map((r) => r.title);
	while (titles.length > 0 && titles[titles.length - 1].trim() === '') titles.pop();
	return titles;
}

/** An id suggested for a new region from its name: "Region Jämtland Härjedalen" → "jamtland-harjedalen". */
export function regionIdOf(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/^region\s+/, '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 128);
}
