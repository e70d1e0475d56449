// Recognising what a download really is from its first bytes: a ZIP, gzip, or an error page that
// a proxy, a captive portal or S3 itself sent with HTTP 200 instead of the report.

export const ZIP_MAGIC = [0x50, 0x4b];
export const GZIP_MAGIC = [0x1f, 0x8b];

export function startsWith(head: Uint8Array, magic: number[]): boolean {
	return magic.every((byte, index) => head[index] === byte);
}

/** The first `size` bytes (or fewer, if the stream is shorter), and the stream with them still in it. */
export async function peek(
	chunks: AsyncIterable<Uint8Array>,
	size: number,
): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
	const iterator = chunks[Symbol.asyncIterator]();
	const taken: Uint8Array[] = [];
	let length = 0;
	while (length < size) {
		const next = await iterator.next();
		if (next.done) break;
		taken.push(next.value);
		length += next.value.length;
	}
	const head = taken.length === 1 ? taken[0] : concatBytes(taken);
	return {
		head: head.subarray(0, size),
		chunks: (async function* () {
			try {
				if (head.length) yield head;
				yield* { [Symbol.asyncIterator]: () => iterator };
			} finally {
				// A reader that stops at the head (a damaged document) still closes the stream beneath.
				await iterator.return?.();
			}
		})(),
	};
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
	const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}

/**
 * When the bytes are an HTML page or an S3/XML error document rather than a report, what it says
 * (its title, or S3's code and message), safe to show: never a URL, signature or token.
 */
export function errorPageIn(head: Uint8Array, contentType?: string): string | undefined {
	const text = new TextDecoder('utf-8').decode(head.subarray(0, 8192)).replace(/^[\s\uFEFF]+/, '');
	const html = /text\/html/i.test(contentType ?? '') || /^(<!doctype html|<html|<head|<body)/i.test(text);
	if (html) {
		const title = tagText(text, 'title') ?? tagText(text, 'h1');
		return `an HTML page${title ? ` ("${title}")` : ''}`;
	}
	if (/^(<\?xml[^>]*>\s*)?<Error>/i.test(text)) {
		const said = [tagText(text, 'Code'), tagText(text, 'Message')].filter(Boolean).join(': ');
		return `an error document${said ? ` (${said})` : ''}`;
	}
	return undefined;
}

function tagText(text: string, tag: string): string | undefined {
	const match = new RegExp(`<${tag}[^>]*>([^<]{1,300})</${tag}>`, 'i').exec(text);
	return match ? redact(match[1].trim().replace(/\s+/g, ' ')).slice(0, 160) : undefined;
}

/** Removes anything that could be a credential from text quoted in an error. */
export function redact(text: string): string {
	return text
		.replace(/https?:\/\/\S+/gi, '[link]')
		.replace(/X-Amz-[A-Za-z-]+=[^&\s]+/g, '[signature]')
		.replace(/\bAt(za|zr|c)\|\S+/g, '[token]');
}
