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

export function createDecoder(charset: string): InstanceType<typeof TextDecoder> {
	const label = CHARSET_ALIASES[charset.toLowerCase()] ?? charset;
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

export async function* decodeText(
	chunks: AsyncIterable<Uint8Array>,
	charset: string,
): AsyncIterable<string> {
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
