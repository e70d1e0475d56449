// The Amazon Appstore Reporting API: where a month's report is, and its download.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { APPSTORE_API_BASE_URL, APPSTORE_SCOPE, LWA_TOKEN_URL } from '../../shared/amazonEndpoints';
import { AmazonRequestError } from '../../shared/errors';
import { requestWithAccessToken } from '../../shared/transport/authorized';
import type { HttpSend } from '../../shared/transport/http';
import type { LwaCredentials } from '../../shared/transport/lwa';
import { parseJsonObject } from '../../shared/transport/lwa';
import { Pacer } from '../../shared/transport/pacer';
import { checkedUrl } from '../../shared/transport/urls';
import type { YearMonth } from '../parameters';
import { formatMonth } from '../parameters';

export const APPSTORE_CREDENTIAL = 'amazonAppstoreReportingApi';

/**
 * Amazon allows 3 requests per second. Pace a little under it, so timer jitter never lets a 4th
 * request into one second; every item and node of this package shares the budget.
 */
const appstorePacer = new Pacer(2.8);

export interface AppstoreConnection {
	lwa: LwaCredentials;
	/** n8n's HTTP helper of the running node or trigger: every request goes through it. */
	send: HttpSend;
	apiBaseUrl: string;
	/** Told about long waits (rate limits, retries), for the logs and the editor. */
	progress?: (message: string) => void;
}

export function appstoreConnection(credential: ICredentialDataDecryptedObject, send: HttpSend): AppstoreConnection {
	const custom = credential.environment === 'custom';
	const tokenUrl = custom ? checkedUrl(credential.tokenUrl, 'Token URL') : LWA_TOKEN_URL;
	const apiBaseUrl = custom ? checkedUrl(credential.apiBaseUrl, 'API Base URL') : APPSTORE_API_BASE_URL;
	const clientId = String(credential.clientId ?? '').trim();
	const clientSecret = String(credential.clientSecret ?? '').trim();
	if (!clientId || !clientSecret) {
		throw new AmazonRequestError('The Amazon Appstore credential has no Client ID or Client Secret', {
			description: 'Open the credential and fill in both, from the security profile’s Web Settings tab.',
		});
	}
	const scope = String(credential.scope ?? '').trim() || APPSTORE_SCOPE;
	return {
		lwa: { tokenUrl, clientId, clientSecret, grant: { type: 'client_credentials', scope } },
		send,
		apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
	};
}

export async function getReportUrl(
	connection: AppstoreConnection,
	reportType: string,
	month: YearMonth,
	signal?: AbortSignal,
): Promise<string | undefined> {
	const [year, mm] = formatMonth(month).split('-');
	const what = `the ${reportType} report for ${formatMonth(month)}`;
	const response = await requestWithAccessToken(
		connection.lwa,
		{
			send: connection.send,
			method: 'GET',
			url: `${connection.apiBaseUrl}/api/appstore/download/report/${reportType}/${year}/${mm}`,
			headers: { accept: 'text/plain, application/json' },
			signal,
			pacer: appstorePacer,
			// Amazon's documentation: "Server Unavailable" is HTTP 404. It passes: retry it.
			retryStatuses: [404],
			purpose: `the download link of ${what}`,
			onWait: connection.progress,
		},
		(token) => ({ authorization: `Bearer ${token}` }),
	);
	if (response.status === 200) return extractUrl(response.body, what);
	if (response.status === 400 && /report not found/i.test(response.body)) return undefined;
	throw apiError(response.status, response.body, what);
}

/** The body is the link as text; tolerate quotes around it, or a JSON object holding it. */
function extractUrl(body: string, what: string): string {
	let text = body.trim().replace(/^"(.*)"$/s, '$1').trim();
	const json = text.startsWith('{') ? parseJsonObject(text) : undefined;
	if (json) {
		const found = Object.entries(json).find(
			([key, value]) => /url|link|location/i.test(key) && typeof value === 'string',
		);
		text = found ? String(found[1]).trim() : '';
	}
	if (/^https?:\/\/\S+$/i.test(text)) return text;
	throw new AmazonRequestError(`Amazon answered the request for ${what} without a download link`, {
		description:
			'The Reporting API may have changed its answer, or the API Base URL points to another service. Check the credential’s API Base URL.',
		httpCode: 200,
		amazonResponse: text.slice(0, 200),
	});
}

function apiError(status: number, body: string, what: string): AmazonRequestError {
	const amazonMessage = amazonMessageOf(body);
	const details = { httpCode: status, amazonResponse: amazonMessage };
	if (status === 400 && /unable to fetch the request scope/i.test(body)) {
		return new AmazonRequestError(`The Reporting API does not know the request for ${what}`, {
			...details,
			description:
				'Amazon answered "Unable to fetch the request scope": the address or method is wrong. Check the credential’s API Base URL (production: https://developer.amazon.com).',
		});
	}
	if (status === 401 || status === 403) {
		return new AmazonRequestError(`Amazon refused the request for ${what}: ${amazonMessage ?? 'not authorized'}`, {
			...details,
			description:
				'The access token was accepted by Login with Amazon but not by the Reporting API. Make sure the security profile is attached to the Reporting API in the Developer Console, and that the report is within its scope (a marketer profile cannot read payments reports).',
		});
	}
	if (status === 404) {
		return new AmazonRequestError(`The Appstore Reporting API is unavailable (HTTP 404) for ${what}`, {
			...details,
			description: 'Amazon answers 404 when the service is down. Try again later, and check the API Base URL.',
		});
	}
	if (status === 429) {
		return new AmazonRequestError(`Amazon is rate-limiting requests for ${what} (HTTP 429)`, {
			...details,
			description:
				'The Reporting API allows 3 requests per second per account. Other workflows may be using the same security profile: run this one later or less often.',
		});
	}
	if (status >= 500) {
		return new AmazonRequestError(`Amazon's Reporting API failed on ${what} (HTTP ${status})`, {
			...details,
			description: 'The request was retried and kept failing on Amazon’s side. Try again later.',
		});
	}
	return new AmazonRequestError(`Amazon answered HTTP ${status} to the request for ${what}`, {
		...details,
		description: 'See Amazon’s answer below.',
	});
}

function amazonMessageOf(body: string): string | undefined {
	const json = parseJsonObject(body);
	const message = json?.Message ?? json?.message;
	if (typeof message === 'string') return message;
	const text = body.trim();
	return text ? text.slice(0, 200) : undefined;
}
