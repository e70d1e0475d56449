// Presigned S3 downloads: links that expire, and S3's refusal of a second authentication.
import { createHmac, randomBytes } from 'node:crypto';

import type { EmulatorClock, RecordedRequest, Reply } from './server';

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

export class S3Emulator {
	/** Successful downloads since the last reset. */
	downloads = 0;

	private readonly objects = new Map<string, { bytes: Uint8Array; contentType: string }>();

	private readonly secret = randomBytes(32);

	private notBefore = 0;

	constructor(
		private readonly baseUrl: string,
		private readonly clock: EmulatorClock,
	) {}

	reset(): void {
		this.downloads = 0;
		this.objects.clear();
		this.notBefore = 0;
	}

	put(key: string, bytes: Uint8Array, contentType: string): void {
		this.objects.set(key, { bytes, contentType });
	}

	/** A link valid for `ttlSeconds` (Amazon's are 299), signed like S3's query-string auth. */
	presign(key: string, ttlSeconds = 299): string {
		const date = amzDate(this.clock.now());
		const path = `/s3/${BUCKET}/${key}`;
		const query = new URLSearchParams({
			'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
			'X-Amz-Date': date,
			'X-Amz-SignedHeaders': 'host',
			'X-Amz-Expires': String(ttlSeconds),
			'X-Amz-Credential': `AKIAEMULATOR/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
		});
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
		if (!object) return xmlError(403, 'AccessDenied', 'Access Denied');
		this.downloads++;
		return { status: 200, headers: { 'content-type': object.contentType }, body: object.bytes };
	}

	private sign(path: string, date: string, expires: string): string {
		return createHmac('sha256', this.secret).update(`${path}\n${date}\n${expires}`).digest('hex');
	}
}
