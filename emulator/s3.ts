// Presigned S3 downloads: links that expire, and S3's refusal of a second authentication.
import { createHash, createHmac, randomBytes } from 'node:crypto';

import type { EmulatorClock, RecordedRequest, Reply } from './types';

const BUCKET = 'appstore-adx-reporting';

const xmlError = (status: number, code: string, message: string): Reply => ({
	status,
	headers: { 'content-type': 'application/xml' },
	body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`,
});

function amzDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(text: string): number {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	return match ? Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6]) : NaN;
}

/**
 * A misbehaving download, for the next `times` GETs of objects: the connection cut after some
 * bytes, an HTML or XML error page answered with 200, flipped bytes, a missing file (S3's 403),
 * or the bucket unavailable (404).
 */
export type S3Fault = { times?: number } & (
	| { kind: 'cut'; afterBytes: number; holdMs?: number }
	| { kind: 'htmlPage'; title?: string }
	| { kind: 'xmlError200' }
	| { kind: 'corrupt'; atByte: number }
	| { kind: 'missing' }
	| { kind: 'unavailable' }
	| { kind: 'ignoreRange' }
);

export class S3Emulator {
	/** Successful downloads since the last reset. */
	downloads = 0;

	/** Answers 304 Not Modified (conditional GETs) since the last reset. */
	notModified = 0;

	private faults: Array<S3Fault & { remaining: number }> = [];

	private readonly objects = new Map<string, { bytes: Uint8Array; contentType: string; etag: string; contentEncoding?: string }>();

	private readonly secret = randomBytes(32);

	private notBefore = 0;

	constructor(
		private readonly baseUrl: string,
		private readonly clock: EmulatorClock,
	) {}

	reset(): void {
		this.downloads = 0;
		this.notModified = 0;
		this.faults = [];
		this.objects.clear();
		this.notBefore = 0;
	}

	put(key: string, bytes: Uint8Array, contentType: string, contentEncoding?: string): void {
		const existing = this.objects.get(key);
		const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
		// Putting the same bytes again keeps the object as it was (S3 compares by ETag).
		if (existing && existing.etag === etag) return;
		this.objects.set(key, { bytes, contentType, etag, contentEncoding });
	}

	/** The next downloads misbehave this way. */
	fault(fault: S3Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	/** A link valid for `ttlSeconds` (Amazon's are 299), signed like S3's query-string auth. */
	presign(key: string, ttlSeconds = 299, options: { contentEncoding?: string } = {}): string {
		const date = amzDate(this.clock.now());
		const path = `/s3/${BUCKET}/${key}`;
		const query = new URLSearchParams({
			'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
			'X-Amz-Date': date,
			'X-Amz-SignedHeaders': 'host',
			'X-Amz-Expires': String(ttlSeconds),
			'X-Amz-Credential': `AKIAEMULATOR/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
		});
		// S3's response-header override: the answer carries this Content-Encoding.
		if (options.contentEncoding) query.set('response-content-encoding', options.contentEncoding);
		query.set('X-Amz-Signature', this.sign(path, date, String(ttlSeconds)));
		return `${this.baseUrl}${path}?${query.toString()}`;
	}

	/** Every link issued so far counts as expired. */
	expireIssuedUrls(): void {
		this.notBefore = this.clock.now() + 1000;
	}

	handle(request: RecordedRequest): Reply {
		if (request.headers.authorization) {
			return xmlError(
				400,
				'InvalidArgument',
				'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
			);
		}
		const { query } = request;
		const date = query['X-Amz-Date'] ?? '';
		const expires = query['X-Amz-Expires'] ?? '';
		if (!query['X-Amz-Signature'] || query['X-Amz-Signature'] !== this.sign(request.path, date, expires)) {
			return xmlError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
		}
		const issuedAt = parseAmzDate(date);
		if (issuedAt + Number(expires) * 1000 < this.clock.now() || issuedAt < this.notBefore - 1000) {
			return xmlError(403, 'AccessDenied', 'Request has expired');
		}
		const key = request.path.slice(`/s3/${BUCKET}/`.length);
		const object = this.objects.get(key);
		const fault = this.faults.find((candidate) => candidate.remaining > 0);
		if (fault) fault.remaining--;
		if (fault?.kind === 'unavailable') return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
		// A private bucket answers a missing object with 403 Access Denied, as the Appstore documentation's "Report Not Available".
		if (!object || fault?.kind === 'missing') return xmlError(403, 'AccessDenied', 'Access Denied');
		if (fault?.kind === 'htmlPage') {
			return {
				status: 200,
				headers: { 'content-type': 'text/html; charset=utf-8' },
				body: `<!DOCTYPE html><html><head><title>${fault.title ?? 'Network Login Required'}</title></head><body><h1>Please sign in</h1><a href="https://portal.example/?X-Amz-Signature=secret">continue</a></body></html>`,
			};
		}
		if (fault?.kind === 'xmlError200') return { ...xmlError(200, 'SlowDown', 'Please reduce your request rate.'), status: 200 };
		const headers = request.headers;
		if (headers['if-none-match'] && headers['if-none-match'] === object.etag) {
			this.notModified++;
			return { status: 304, headers: { etag: object.etag } };
		}
		if (headers['if-match'] && headers['if-match'] !== object.etag) return xmlError(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
		let bytes = object.bytes;
		if (fault?.kind === 'corrupt') {
			bytes = Uint8Array.from(bytes);
			bytes[Math.min(fault.atByte, bytes.length - 1)] ^= 0xff;
		}
		this.downloads++;
		const contentEncoding = query['response-content-encoding'] ?? object.contentEncoding;
		const encoding: Record<string, string> = contentEncoding ? { 'content-encoding': contentEncoding } : {};
		const range = /^bytes=(\d+)-$/.exec(headers.range ?? '');
		if (range && fault?.kind !== 'ignoreRange') {
			const start = Number(range[1]);
			if (start >= bytes.length) {
				return { ...xmlError(416, 'InvalidRange', 'The requested range is not satisfiable'), headers: { 'content-type': 'application/xml', 'content-range': `bytes */${bytes.length}` } };
			}
			return {
				status: 206,
				headers: { 'content-type': object.contentType, etag: object.etag, 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`, ...encoding },
				body: bytes.subarray(start),
			};
		}
		return {
			status: 200,
			headers: { 'content-type': object.contentType, etag: object.etag, ...encoding },
			body: bytes,
			...(fault?.kind === 'cut' ? { cutAfterBytes: fault.afterBytes, cutHoldMs: fault.holdMs } : {}),
		};
	}

	private sign(path: string, date: string, expires: string): string {
		return createHmac('sha256', this.secret).update(`${path}\n${date}\n${expires}`).digest('hex');
	}
}
