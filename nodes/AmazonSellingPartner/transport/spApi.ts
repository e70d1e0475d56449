// What every Selling Partner API this package calls shares: the connection (hosts, LWA grant),
// one call (access token, pacing, retries, JSON), Amazon's error answers turned into messages
// that say what to do (each API words its own advice), and the check of IDs put into URLs.
import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Region } from '../../shared/amazonEndpoints';
import { LWA_TOKEN_URL, REGIONS, sellingPartnerApiUrl } from '../../shared/amazonEndpoints';
import { AmazonRequestError } from '../../shared/errors';
import { requestWithAccessToken } from '../../shared/transport/authorized';
import type { HttpMethod, HttpSend } from '../../shared/transport/http';
import type { LwaCredentials } from '../../shared/transport/lwa';
import { parseJsonObject } from '../../shared/transport/lwa';
import { Pacer } from '../../shared/transport/pacer';
import type { OperationPolicy } from '../../shared/transport/retry';
import { checkedUrl } from '../../shared/transport/urls';

export const SP_API_CREDENTIAL = 'amazonSellingPartnerApi';

export interface SpApiConnection {
	lwa: LwaCredentials;
	/** n8n's HTTP helper of the running node or trigger: every request goes through it. */
	send: HttpSend;
	baseUrl: string;
	region: Region;
	/** Told about long waits (rate limits, retries), for the logs and the editor. */
	progress?: (message: string) => void;
}

export function spApiConnection(credential: ICredentialDataDecryptedObject, send: HttpSend): SpApiConnection {
	const region = (REGIONS.includes(credential.region as Region) ? credential.region : 'na') as Region;
	const environment = String(credential.environment ?? 'production');
	const clientId = String(credential.clientId ?? '').trim();
	const clientSecret = String(credential.clientSecret ?? '').trim();
	const refreshToken = String(credential.refreshToken ?? '').trim();
	if (!clientId || !clientSecret || !refreshToken) {
		throw new AmazonRequestError('The Amazon Selling Partner API credential is incomplete', {
			description: 'Open the credential and fill in Client ID, Client Secret and Refresh Token.',
		});
	}
	let tokenUrl = LWA_TOKEN_URL;
	let baseUrl = sellingPartnerApiUrl(region, environment === 'sandbox' ? 'sandbox' : 'production');
	if (environment === 'custom') {
		tokenUrl = checkedUrl(credential.tokenUrl, 'Token URL');
		baseUrl = checkedUrl(credential.apiBaseUrl, 'API Base URL');
	}
	return {
		lwa: { tokenUrl, clientId, clientSecret, grant: { type: 'refresh_token', refreshToken } },
		send,
		baseUrl: baseUrl.replace(/\/+$/, ''),
		region,
	};
}

/** How one operation is paced and retried (shared/transport/retry.ts). */
export type OperationLimits = OperationPolicy;

/**
 * Pacers per selling partner account (credential host, app and refresh token), for operations
 * whose documented rate the package keeps to: Amazon meters each seller's authorization of an
 * app, so one seller's runs do not slow another's, whichever workflows and nodes they come from.
 */
export class AccountPacers {
	private readonly pacers = new Map<string, Pacer>();

	constructor(
		private readonly ratePerSecond: number,
		private readonly burst: number,
	) {}

	for(connection: SpApiConnection): Pacer {
		const key = accountKey(connection);
		let pacer = this.pacers.get(key);
		if (!pacer) {
			pacer = new Pacer(this.ratePerSecond, this.burst);
			this.pacers.set(key, pacer);
		}
		return pacer;
	}
}

/** A hash of who calls: never a secret as a map key. */
function accountKey(connection: SpApiConnection): string {
	const grant = connection.lwa.grant.type === 'refresh_token' ? connection.lwa.grant.refreshToken : connection.lwa.grant.scope;
	return createHash('sha256').update([connection.baseUrl, connection.lwa.clientId, grant].join('\n')).digest('hex');
}

/** How an API words Amazon's refusals: what it is called and what to do about each answer. */
export interface SpApiAdvice {
	/** "Reports API", "Data Kiosk API". */
	api: string;
	/** What a 403 needs (roles, authorization, region), for this request. */
	denied: (connection: SpApiConnection, request: SpApiRequest) => string;
	/** What a 429 needs, by operation. */
	throttled: (operation: string) => string;
	/** What a 404 was about: "this report or document". */
	notFoundWhat: string;
	/** What to check when Amazon keeps something it does not know any more. */
	notFound: string;
	/** What to check when Amazon rejects a request (400). */
	rejected: (operation: string) => string;
}

export interface SpApiRequest {
	body?: unknown;
	signal?: AbortSignal;
	/** Names the request in waits and errors: "the status of report 5003". */
	purpose: string;
	/** What the request is about, named in its errors when Amazon's answer does not say: "Seller Economics, United States". */
	about?: string;
	/** The roles it needs, when known: named in a 403. */
	roles?: string[];
}

/** Sends one SP-API request and returns its JSON body, or throws Amazon's refusal as a message. */
export async function callSpApi(
	connection: SpApiConnection,
	operation: string,
	limits: OperationLimits,
	advice: SpApiAdvice,
	method: HttpMethod,
	path: string,
	request: SpApiRequest,
): Promise<Record<string, unknown>> {
	const response = await requestWithAccessToken(
		connection.lwa,
		{
			send: connection.send,
			method,
			url: `${connection.baseUrl}${path}`,
			headers: {
				accept: 'application/json',
				'user-agent': 'n8n-nodes-amazon-reports (Language=TypeScript; Platform=n8n)',
				...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.signal,
			pacer: limits.pacer,
			retry: limits.retry,
			purpose: request.purpose,
			onWait: connection.progress,
		},
		(token) => ({ 'x-amz-access-token': token }),
	);
	const body = parseJsonObject(response.body) ?? {};
	if (response.status >= 200 && response.status < 300) return body;
	throw spApiError(connection, operation, advice, request, response.status, body, response.headers['x-amzn-requestid']);
}

function spApiError(
	connection: SpApiConnection,
	operation: string,
	advice: SpApiAdvice,
	request: SpApiRequest,
	status: number,
	body: Record<string, unknown>,
	requestId: string | undefined,
): AmazonRequestError {
	const first = Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown>) : undefined;
	const code = typeof first?.code === 'string' ? first.code : undefined;
	const message = typeof first?.message === 'string' ? first.message : undefined;
	const details = typeof first?.details === 'string' && first.details ? ` (${first.details})` : '';
	const amazonResponse = [code, message ? `${message}${details}` : undefined, requestId ? `request id ${requestId}` : undefined]
		.filter(Boolean)
		.join(': ');
	const base = { httpCode: status, amazonResponse: amazonResponse || undefined };
	const said = message ? `: ${message}` : '';
	const about = request.about ? ` for ${request.about}` : '';
	if (status === 403) {
		return new AmazonRequestError(`Amazon denied access to the ${advice.api} (${operation}${about})${said}`, {
			...base,
			description: advice.denied(connection, request),
		});
	}
	if (status === 429) {
		return new AmazonRequestError(`Amazon is throttling ${operation}${about} (HTTP 429, QuotaExceeded)`, {
			...base,
			description: advice.throttled(operation),
		});
	}
	if (status === 404) {
		return new AmazonRequestError(`Amazon does not know ${advice.notFoundWhat} (${operation})${said}`, {
			...base,
			description: advice.notFound,
		});
	}
	if (status === 400) {
		return new AmazonRequestError(`Amazon rejected the ${operation} request${about}${said}`, {
			...base,
			description: advice.rejected(operation),
		});
	}
	if (status >= 500) {
		return new AmazonRequestError(`The Selling Partner API failed on ${operation}${about} (HTTP ${status})`, {
			...base,
			description: 'The request was retried and kept failing on Amazon’s side. Try again later.',
		});
	}
	return new AmazonRequestError(`Amazon answered HTTP ${status} to ${operation}${about}${said}`, {
		...base,
		description: 'See Amazon’s answer below.',
	});
}

export function unexpectedAnswer(api: string, operation: string, body: Record<string, unknown>): AmazonRequestError {
	return new AmazonRequestError(`Amazon's answer to ${operation} is not what the ${api} documents`, {
		description: 'Check that the API Base URL points to the Selling Partner API.',
		amazonResponse: JSON.stringify(body).slice(0, 300),
	});
}

/**
 * An ID from a parameter, checked before it goes into a URL: an expression that resolved to
 * nothing must not send "undefined" to Amazon. `from` names the steps that output such IDs.
 */
export function checkedId(value: unknown, label: string, from = 'Create Report or Get Many Reports'): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text || text === 'undefined' || text === 'null' || text === '[object Object]') {
		throw new AmazonRequestError(`"${label}" is empty`, {
			description: `Give the ${label} (for example from the output of an earlier step: ${from}). If it comes from an expression, check that the input item has that field.`,
		});
	}
	if (!/^[A-Za-z0-9._:-]+$/.test(text)) {
		throw new AmazonRequestError(`"${label}" is not an ID Amazon uses: "${text.slice(0, 80)}"`, {
			description: `${label}s are made of letters, digits, dots and dashes, like 50039018470 or amzn1.spdoc.1.4.na.…`,
		});
	}
	return text;
}
