// Decoding stage: bytes to text in the charset Amazon declared.
import { AmazonRequestError } from '../errors';

// Java charset names Amazon uses, mapped to the WHATWG labels TextDecoder knows. Cp1252 is
// windows-1252 (not latin-1: it has € and curly quotes), and windows-31J is Shift_JIS's
// Microsoft superset, which WHATWG's shift_jis decoder implements.
const CHARSET_ALIASES: Record<string, string> = {
	cp1252: 'windows-1252',
	'x-windows-1252': 'windows-1252',
	'windows-31j': 'shift_jis',
	cp932: 'shift_jis',
	ms932: 'shift_jis',
	sjis: 'shift_jis',
	'x-sjis': 'shift_jis',
	utf8: 'utf-8',
};

/** The charset named in a Content-Type header; UTF-8 when there is none. */
export function charsetFromContentType(contentType: string | undefined): string {
	const match = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
	return match ? match[1] : 'utf-8';
}

export interface StreamDecoder {
	decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

// Bytes 0x80–0x9F of windows-1252, where it differs from latin-1 (€, curly quotes, dashes, …).
// Node 20's TextDecoder('windows-1252') decodes these as latin-1 control characters, so they are
// decoded as latin-1 and these few characters swapped afterwards.
const WINDOWS_1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_CONTROLS = /[\u0080-\u009f]/g;
const windows1252Char = (char: string) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);

class Windows1252Decoder implements StreamDecoder {
	private readonly latin1 = new TextDecoder('latin1');

	decode(input?: Uint8Array): string {
		if (!input?.length) return '';
		return this.latin1.decode(input).replace(C1_CONTROLS, windows1252Char);
	}
}

/**
 * UTF-8 in chunks. Node's TextDecoder has a fast path for ASCII text, but only when it is not
 * asked to stream (streaming goes through ICU: 40% slower on Amazon's mostly-ASCII flat files).
 * So each chunk is decoded whole, up to its last complete character, and the bytes of a character
 * cut by the chunk's end wait for the next chunk. Once a chunk has other characters (accents,
 * Japanese), ICU's streaming decoder takes over: on such text it is the faster one.
 */
class Utf8Decoder implements StreamDecoder {
	private readonly whole = new TextDecoder('utf-8', { ignoreBOM: true });

	private streaming: StreamDecoder | undefined;

	private carried: Uint8Array | undefined;

	private started = false;

	decode(input?: Uint8Array, options?: { stream?: boolean }): string {
		if (this.streaming) return this.text(this.streaming.decode(input, options));
		let bytes = input ?? new Uint8Array(0);
		if (this.carried) {
			const joined = new Uint8Array(this.carried.length + bytes.length);
			joined.set(this.carried);
			joined.set(bytes, this.carried.length);
			bytes = joined;
			this.carried = undefined;
		}
		const end = options?.stream ? completeUtf8Length(bytes) : bytes.length;
		const text = end ? this.whole.decode(bytes.subarray(0, end)) : '';
		if (text.length !== end) {
			// Not all ASCII (fewer characters than bytes): ICU's decoder from here on, given the cut character first.
			this.streaming = new TextDecoder('utf-8', { ignoreBOM: true });
			if (end < bytes.length) this.streaming.decode(bytes.subarray(end), { stream: true });
		} else if (end < bytes.length) {
			this.carried = bytes.slice(end);
		}
		return this.text(text);
	}

	/** The text without the byte-order mark a file may start with. */
	private text(text: string): string {
		if (this.started || !text) return text;
		this.started = true;
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	}
}

/** How many bytes of `bytes` end on a character boundary: all but a last character cut short. */
function completeUtf8Length(bytes: Uint8Array): number {
	const length = bytes.length;
	let start = length - 1;
	// Back over continuation bytes (10xxxxxx) to the last lead byte, three at most.
	while (start >= 0 && length - start <= 3 && (bytes[start] & 0xc0) === 0x80) start--;
	if (start < 0) return length;
	const lead = bytes[start];
	const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	return length - start < size ? start : length;
}

export function createDecoder(charset: string): StreamDecoder {
	const label = CHARSET_ALIASES[charset.toLowerCase()] ?? charset;
	if (label.toLowerCase() === 'windows-1252') return new Windows1252Decoder();
	if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(label.toLowerCase())) return new Utf8Decoder();
	try {
		// ignoreBOM false: a leading byte-order mark is dropped, not kept in the first header.
		return new TextDecoder(label, { fatal: false, ignoreBOM: false });
	} catch {
		throw unsupportedCharsetError(charset);
	}
}

function unsupportedCharsetError(charset: string): AmazonRequestError {
	return new AmazonRequestError(`The report uses a character set this node cannot read: "${charset}"`, {
		description: 'Please report this charset so it can be supported; download the file as binary meanwhile.',
	});
}

export async function* decodeText(chunks: AsyncIterable<Uint8Array>, charset: string): AsyncIterable<string> {
	const decoder = createDecoder(charset);
	for await (const chunk of chunks) {
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield text;
	}
	const tail = decoder.decode();
	if (tail) yield tail;
}

export async function collectText(texts: AsyncIterable<string>): Promise<string> {
	const parts: string[] = [];
	for await (const text of texts) parts.push(text);
	return parts.join('');
}
