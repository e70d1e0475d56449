import { AmazonRequestError } from '../errors';

/** A URL from a credential's Custom environment, checked before anything is sent to it. */
export function checkedUrl(value: unknown, field: string): string {
	const text = String(value ?? '').trim();
	try {
		const url = new URL(text);
		if (url.protocol === 'https:' || url.protocol === 'http:') return text;
	} catch {
		// reported below
	}
	throw new AmazonRequestError(`The credential's ${field} is not a valid URL: "${text}"`, {
		description: 'Use a full http(s) address, or set Environment to Production.',
	});
}
