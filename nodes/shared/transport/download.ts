// Downloads from presigned S3 links, as both Amazon APIs hand reports out: the link lives five
// minutes, S3 may answer with an error page, and a long download may lose its connection half-way.
import { AmazonRequestError } from '../errors';
import { errorPageIn, redact } from '../pipeline/sniff';
import type { HttpSend } from './http';
import { brokenConnectionError, requestStream } from './http';
import type { RetryPolicy } from './retry';
import { backoff, S3_RESUMES as RESUMES, S3_RETRY } from './retry';
import { throwIfAborted, waitOrCancel } from './wait';

export interface DownloadOptions {
	/** n8n's HTTP helper of the running node or trigger. */
	send: HttpSend;
	/** Asks Amazon for a link; asked again when S3 says the link expired. */
	link: () => Promise<string>;
	/** Names the file in messages: "the sales report for 2025-03". */
	what: string;
	signal?: AbortSignal;
	/** An ETag from an earlier download: S3 answers 304 when the file has not changed since. */
	ifNoneMatch?: string;
	/** An ETag the file must still have (a second reading of the same file). */
	ifMatch?: string;
	/** Keep the bytes as they come, for callers that also want the original file. */
	keep?: boolean;
	/** Retries of the download itself. */
	retry?: RetryPolicy;
	/** Told about waits long enough for a user to wonder (retries of an unavailable S3). */
	onWait?: (message: string) => void;
}

export interface DownloadedFile {
	status: 'ok';
	contentType?: string;
	etag?: string;
	/** The file name in the link's path. */
	fileName?: string;
	/** The bytes, resumed where they broke off when the connection drops half-way. */
	chunks: AsyncIterable<Uint8Array>;
	/** With `keep`: the bytes read so far (all of them once `chunks` is consumed). */
	kept: Uint8Array[];
}

export type DownloadOutcome =
	| DownloadedFile
	| { status: 'notModified' }
	/** S3 has no such file (it answers 403 "Access Denied" for a missing object in a private bucket). */
	| { status: 'missing'; said: string };


export async function downloadPresigned(options: DownloadOptions): Promise<DownloadOutcome> {
	const { what, signal } = options;
	let url = await options.link();
	for (let expired = 0; ; ) {
		// No Authorization header: S3 refuses a request that carries two kinds of authentication.
		const response = await requestStream({
			send: options.send,
			method: 'GET',
			url,
			headers: {
				...(options.ifNoneMatch ? { 'if-none-match': options.ifNoneMatch } : {}),
				...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
			},
			signal,
			// S3 answers 404 when the bucket is unavailable (Amazon's Appstore documentation): transient.
			retry: options.retry ?? S3_RETRY,
			retryStatuses: [404],
			purpose: `the file of ${what}`,
			onWait: options.onWait,
		});
		if (response.status === 200) {
			const etag = response.headers.etag;
			const kept: Uint8Array[] = [];
			return {
				status: 'ok',
				contentType: response.headers['content-type'],
				etag,
				fileName: fileNameOf(url),
				chunks: resumable(response.body, { ...options, url: () => url, relink: async () => (url = await options.link()), etag, kept }),
				kept,
			};
		}
		if (response.status === 304) return { status: 'notModified' };
		if (response.status === 412) throw changedError(what);
		const body = response.errorText ?? '';
		if (isExpired(response.status, body)) {
			if (++expired < 2) {
				url = await options.link();
				continue;
			}
			throw new AmazonRequestError(`The download link of ${what} expired twice in a row`, {
				httpCode: response.status,
				amazonResponse: s3Said(body),
				description: 'Links live five minutes. Check that this machine’s clock is right (S3 compares it), then run the node again.',
			});
		}
		if (response.status === 403 && /AccessDenied|Access Denied|NoSuchKey|not available/i.test(body)) {
			return { status: 'missing', said: s3Said(body) ?? 'Access Denied' };
		}
		throw downloadError(response.status, body, what);
	}
}

/** Reads the body; when the connection breaks, asks S3 for the rest (Range) and goes on. */
async function* resumable(
	first: AsyncIterable<Uint8Array>,
	options: DownloadOptions & { url: () => string; relink: () => Promise<string>; etag?: string; kept: Uint8Array[] },
): AsyncIterable<Uint8Array> {
	const { what, signal } = options;
	let body = first;
	let received = 0;
	for (let resumes = 0; ; ) {
		try {
			for await (const chunk of body) {
				received += chunk.length;
				if (options.keep) options.kept.push(chunk);
				yield chunk;
			}
			return;
		} catch (error) {
			throwIfAborted(signal, `the file of ${what}`);
			if (error instanceof AmazonRequestError || ++resumes > RESUMES) throw gaveUp(what, error);
			const delay = backoff(options.retry ?? S3_RETRY, resumes);
			options.onWait?.(`The download of ${what} broke off after ${received.toLocaleString('en-US')} bytes: resuming in ${Math.max(1, Math.round(delay / 1000))}s (attempt ${resumes} of ${RESUMES})`);
			await waitOrCancel(delay, signal, `the rest of ${what}`);
			body = await rest(options, received);
		}
	}
}

/**
 * The bytes from `offset` on: a Range request, or the whole file with the start skipped.
 *
 * A file S3 serves with Content-Encoding (Amazon's enableContentEncodingUrlHeader) arrives
 * decompressed by n8n's client, so `offset` counts decoded bytes, and a range of the stored bytes
 * would be the wrong place (or undecodable): such a file is read again from the start. It is known
 * by its link (S3's response-content-encoding override), or, for a file stored with that header, by
 * a range S3 cannot satisfy or a first chunk that cannot be decoded.
 */
async function rest(
	options: DownloadOptions & { url: () => string; relink: () => Promise<string>; etag?: string },
	offset: number,
): Promise<AsyncIterable<Uint8Array>> {
	const purpose = `the rest of ${options.what}`;
	if (encodedByLink(options.url())) return skip((await resend(options, {}, purpose)).body, offset);
	const response = await resend(options, { range: `bytes=${offset}-` }, purpose);
	if (response.status === 416) return skip((await resend(options, {}, purpose)).body, offset);
	if (response.status === 206) return rangeOrWhole(response.body, options, offset);
	return skip(response.body, offset);
}

function encodedByLink(url: string): boolean {
	try {
		return new URL(url).searchParams.has('response-content-encoding');
	} catch {
		return false;
	}
}

/** The file again (with `extra` headers), on the same link or a renewed one; 200, 206 or 416, else an error. */
async function resend(
	options: DownloadOptions & { url: () => string; relink: () => Promise<string>; etag?: string },
	extra: Record<string, string>,
	purpose: string,
): Promise<{ status: number; body: AsyncIterable<Uint8Array> }> {
	for (let relinked = false; ; relinked = true) {
		const headers: Record<string, string> = { ...extra };
		if (options.etag) headers['if-match'] = options.etag;
		const response = await requestStream({
			send: options.send,
			method: 'GET',
			url: options.url(),
			headers,
			signal: options.signal,
			retry: options.retry ?? S3_RETRY,
			retryStatuses: [404],
			purpose,
			onWait: options.onWait,
		});
		if (response.status === 200 || response.status === 206 || (response.status === 416 && extra.range)) return response;
		const body = response.errorText ?? '';
		if (!relinked && isExpired(response.status, body)) {
			await options.relink();
			continue;
		}
		if (response.status === 412) throw changedError(options.what);
		throw downloadError(response.status, body, options.what);
	}
}

/** The rest of a file from a Range answer; one whose first chunk cannot be decoded is read again whole. */
async function* rangeOrWhole(
	part: AsyncIterable<Uint8Array>,
	options: DownloadOptions & { url: () => string; relink: () => Promise<string>; etag?: string },
	offset: number,
): AsyncIterable<Uint8Array> {
	const iterator = part[Symbol.asyncIterator]();
	const first = await iterator.next().catch((error: unknown) => (isDecodingError(error) ? 'undecodable' : Promise.reject(error)));
	if (first === 'undecodable') {
		const whole = await resend(options, {}, `the rest of ${options.what}`);
		yield* skip(whole.body, offset);
		return;
	}
	if (first.done) return;
	try {
		yield first.value;
		yield* { [Symbol.asyncIterator]: () => iterator };
	} finally {
		await iterator.return?.();
	}
}

function isDecodingError(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return typeof code === 'string' && code.startsWith('Z_');
}

function gaveUp(what: string, cause: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) return cause;
	return brokenConnectionError(
		`the file of ${what} (resumed ${RESUMES} times)`,
		cause,
		'The network between n8n and Amazon S3 keeps dropping the connection. Check it (proxy, firewall, VPN) and run the node again.',
	);
}

async function* skip(chunks: AsyncIterable<Uint8Array>, bytes: number): AsyncIterable<Uint8Array> {
	let toSkip = bytes;
	for await (const chunk of chunks) {
		if (toSkip >= chunk.length) {
			toSkip -= chunk.length;
			continue;
		}
		yield toSkip ? chunk.subarray(toSkip) : chunk;
		toSkip = 0;
	}
}

function changedError(what: string): AmazonRequestError {
	return new AmazonRequestError(`The file of ${what} changed on Amazon's side while it was being read`, {
		description: 'Amazon refreshed the report meanwhile. Run the node again (a trigger reads it again on its next poll).',
	});
}

function isExpired(status: number, body: string): boolean {
	return status === 403 && /expired/i.test(body);
}

/** S3's code and message, or what an error page says; never the link or its signature. */
function s3Said(body: string): string | undefined {
	const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
	const message = /<Message>([^<]+)<\/Message>/.exec(body)?.[1];
	const said = [code, message].filter(Boolean).join(': ');
	if (said) return redact(said);
	const page = errorPageIn(new TextEncoder().encode(body.slice(0, 8192)));
	return page ?? (body.trim() ? redact(body.trim().slice(0, 200)) : undefined);
}

function downloadError(status: number, body: string, what: string): AmazonRequestError {
	const amazonResponse = s3Said(body);
	if (status === 400 && /auth mechanism/i.test(body)) {
		return new AmazonRequestError(`S3 refused the download of ${what}: it was sent with two kinds of authentication`, {
			httpCode: status,
			amazonResponse,
			description: 'A proxy between n8n and Amazon may be adding an Authorization header. Exempt Amazon S3 from it.',
		});
	}
	if (status === 404) {
		return new AmazonRequestError(`Amazon S3 is unavailable for ${what} (HTTP 404, still after retries)`, {
			httpCode: status,
			amazonResponse,
			description: 'Amazon answers 404 while its storage is unavailable. Run the node again later.',
		});
	}
	return new AmazonRequestError(`The download of ${what} failed (HTTP ${status}${amazonResponse ? `: ${amazonResponse}` : ''})`, {
		httpCode: status,
		amazonResponse,
		description: status >= 500 ? 'Amazon S3 kept failing after retries. Try again later.' : 'Run the node again; if it persists, check the network between n8n and Amazon S3.',
	});
}

function fileNameOf(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').pop();
		return last ? decodeURIComponent(last) : undefined;
	} catch {
		return undefined;
	}
}
