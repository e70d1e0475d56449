// Cell parsers: Amazon's text cells to typed JSON values. Empty cells are null everywhere, and a
// cell that does not fit its type keeps its text rather than turning into a wrong value.
export type CellValue = string | number | boolean | null;

export function textCell(raw: string): string | null {
	const text = raw.trim();
	return text === '' ? null : text;
}

export function numberCell(raw: string): number | string | null {
	const text = raw.trim();
	if (text === '') return null;
	const plain = text.replace(/^\((.*)\)$/, '-$1');
	// Thousands separators only where they are unambiguous: 1,234 or 1,234.56
	const normalised = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain) ? plain.replace(/,/g, '') : plain;
	const value = Number(normalised.replace(/%$/, ''));
	return normalised !== '' && Number.isFinite(value) ? value : text;
}

export function yesNoCell(raw: string): boolean | string | null {
	const text = raw.trim().toLowerCase();
	if (text === '') return null;
	if (text === 'yes' || text === 'y' || text === 'true') return true;
	if (text === 'no' || text === 'n' || text === 'false') return false;
	return raw.trim();
}

/**
 * Turns a column title into a camelCase key: "Country/Region Code" → countryRegionCode,
 * "Transaction ID" → transactionId.
 */
export function camelCase(title: string): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean);
	if (!words.length) return title.trim();
	return words
		.map((word, index) => {
			const lower = word.toLowerCase();
			return index === 0 ? lower : lower[0].toUpperCase() + lower.slice(1);
		})
		.join('');
}

/**
 * The form used to match a column title against the known names: case, punctuation and a
 * parenthetical suffix do not count, since Amazon has renamed columns along those lines
 * ("Sales Price" / "Sales Price (Marketplace Currency)").
 */
export function normaliseHeader(title: string): string {
	return title
		.replace(/^\uFEFF/, '')
		.replace(/\([^)]*\)\s*$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}
