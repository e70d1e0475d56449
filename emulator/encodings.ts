// Encoders for the charsets Amazon's EU and JP flat files use. Node's TextEncoder only writes
// UTF-8, so windows-1252 and Shift_JIS tables are built from TextDecoder, the reverse direction.

let cp1252: Map<string, number> | undefined;
let shiftJis: Map<string, number[]> | undefined;

// windows-1252 is latin-1 except 0x80–0x9F. Spelled out here (Node 20's TextDecoder gets those
// wrong), from the Unicode mapping table CP1252.TXT.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function cp1252Table(): Map<string, number> {
	if (cp1252) return cp1252;
	cp1252 = new Map();
	for (let byte = 0; byte < 256; byte++) {
		cp1252.set(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte), byte);
	}
	return cp1252;
}

function shiftJisTable(): Map<string, number[]> {
	if (shiftJis) return shiftJis;
	const decoder = new TextDecoder('shift_jis');
	shiftJis = new Map();
	for (let byte = 0; byte < 0x80; byte++) shiftJis.set(String.fromCharCode(byte), [byte]);
	for (let byte = 0xa1; byte <= 0xdf; byte++) shiftJis.set(decoder.decode(Uint8Array.of(byte)), [byte]);
	const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
	for (const lead of leads) {
		for (const trail of range(0x40, 0xfc)) {
			if (trail === 0x7f) continue;
			const char = decoder.decode(Uint8Array.of(lead, trail));
			if (char.length === 1 && char !== '\ufffd' && !shiftJis.has(char)) shiftJis.set(char, [lead, trail]);
		}
	}
	return shiftJis;
}

function* range(from: number, to: number): Iterable<number> {
	for (let n = from; n <= to; n++) yield n;
}

/** Encodes text as Amazon labels it: 'UTF-8', 'Cp1252' or 'Shift_JIS'. Unmappable characters become '?'. */
export function encodeText(text: string, charset: string): Uint8Array {
	const name = charset.toLowerCase();
	if (name === 'utf-8' || name === 'utf8') return new TextEncoder().encode(text);
	const bytes: number[] = [];
	if (name === 'cp1252' || name === 'windows-1252') {
		const table = cp1252Table();
		for (const char of text) bytes.push(table.get(char) ?? 0x3f);
	} else if (name === 'shift_jis' || name === 'windows-31j') {
		const table = shiftJisTable();
		for (const char of text) bytes.push(...(table.get(char) ?? [0x3f]));
	} else {
		throw new Error(`encodeText: no encoder for ${charset}`);
	}
	return Uint8Array.from(bytes);
}
