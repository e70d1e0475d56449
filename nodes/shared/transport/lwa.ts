// Login with Amazon: exchanges client credentials or a refresh token for an access token, and
// keeps it until shortly before it expires.
import { createHash } from 'node:crypto';

import { APPSTORE_SCOPE, LWA_TOKEN_URL } from '../amazonEndpoints';
import { AmazonRequestError } from '../errors';
import type { HttpSend } from './http';
import { requestText } from './http';

export type LwaGrant =
	| { type: 'client_credentials'; scope: string }
	| { type: 'refresh_token'; refreshToken: string };

export interface LwaCredentials {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	grant: LwaGrant;
}

interface CachedToken {
	accessToken: string;
	expiresAt: number;
}

// Keyed by a hash of the credential identity, so no secret is ever a map key.
const tokens = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

/** Refresh this long before Amazon's expiry, so a token never dies in the middle of a run. */
const EARLY_REFRESH_MS = 5 * 60_000;

function cacheKey(credentials: LwaCredentials): string {
	const grant =
		credentials.grant.type === 'client_credentials'
			? `cc:${credentials.grant.scope}`
			: `rt:${credentials.grant.refreshToken}`;
	return createHash('sha256')
		.update([credentials.tokenUrl, credentials.clientId, credentials.clientSecret, grant].join('\n'))
		.digest('hex');
}

export interface AccessToken {
	value: string;
	/** True when this call fetched it; a rejected fresh token is a real denial, not an expiry. */
	fresh: boolean;
}

export async function getAccessToken(
	credentials: LwaCredentials,
	send: HttpSend,
	signal?: AbortSignal,
): Promise<AccessToken> {
	const key = cacheKey(credentials);
	const cached = tokens.get(key);
	if (cached && cached.expiresAt > Date.now()) return { value: cached.accessToken, fresh: false };

	let pending = inFlight.get(key);
	if (!pending) {
		pending = exchangeToken(credentials, send, signal).finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	const token = await pending;
	tokens.set(key, token);
	return { value: token.accessToken, fresh: true };
}

/** Forgets a token Amazon rejected as expired, so the next call fetches a new one. */
export function forgetAccessToken(credentials: LwaCredentials, accessToken: string): void {
	const key = cacheKey(credentials);
	if (tokens.get(key)?.accessToken === accessToken) tokens.delete(key);
}

export async function exchangeToken(credentials: LwaCredentials, send: HttpSend, signal?: AbortSignal): Promise<CachedToken> {
	const form = new URLSearchParams({
		grant_type: credentials.grant.type,
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
	});
	if (credentials.grant.type === 'client_credentials') form.set('scope', credentials.grant.scope);
	else form.set('refresh_token', credentials.grant.refreshToken);

	const response = await requestText({
		send,
		method: 'POST',
		url: credentials.tokenUrl,
		headers: {
			'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
			accept: 'application/json',
		},
		body: form.toString(),
		signal,
		purpose: 'an access token from Login with Amazon',
	});

	const body = parseJsonObject(response.body);
	if (response.status === 200 && typeof body?.access_token === 'string') {
		const lifetimeMs = (Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600) * 1000;
		return {
			accessToken: body.access_token,
			expiresAt: Date.now() + lifetimeMs - Math.min(EARLY_REFRESH_MS, lifetimeMs / 2),
		};
	}
	throw lwaError(response.status, body, credentials.grant.type);
}

function lwaError(
	status: number,
	body: Record<string, unknown> | undefined,
	grant: LwaGrant['type'],
): AmazonRequestError {
	const code = typeof body?.error === 'string' ? body.error : undefined;
	const amazonResponse = code
		? `${code}${typeof body?.error_description === 'string' ? `: ${body.error_description}` : ''}`
		: undefined;
	const fix = code ? LWA_FIXES[code]?.(grant) : undefined;
	if (fix) return new AmazonRequestError(fix.message, { description: fix.description, httpCode: status, amazonResponse });
	return new AmazonRequestError(
		`Login with Amazon refused the token request (HTTP ${status}${code ? `, ${code}` : ''})`,
		{
			description:
				'Check the Token URL in the credential and try again; if it persists, Amazon may be having trouble.',
			httpCode: status,
			amazonResponse,
		},
	);
}

const LWA_FIXES: Record<string, (grant: LwaGrant['type']) => { message: string; description: string }> = {
	invalid_client: () => ({
		message: 'Login with Amazon did not accept the Client ID or Client Secret (invalid_client)',
		description:
			'Copy both again from the security profile\'s Web Settings tab in the Amazon Developer Console (or, for the Selling Partner API, from the app in Seller Central Developer Central). A rotated secret invalidates the old one.',
	}),
	invalid_scope: (grant) => ({
		message: 'Login with Amazon did not accept the scope (invalid_scope)',
		description:
			grant === 'client_credentials'
				? `Attach the security profile to the Reporting API: Developer Console > Apps & Services > API Access > Reporting API > select the security profile > Attach. Keep the scope "${APPSTORE_SCOPE}".`
				: 'The Selling Partner API credential sends no scope; check the Token URL points to Login with Amazon.',
	}),
	invalid_grant: () => ({
		message: 'Login with Amazon did not accept the refresh token (invalid_grant)',
		description:
			'The refresh token was revoked, has expired, or belongs to another app. Re-authorize the app in Seller Central (Apps and Services > Develop Apps > Authorize) and paste the new refresh token into the credential.',
	}),
	unsupported_grant_type: () => ({
		message: 'Login with Amazon does not support the grant type (unsupported_grant_type)',
		description:
			`The Token URL probably does not point to Login with Amazon. Use ${LWA_TOKEN_URL}, or leave Environment on Production.`,
	}),
	invalid_request: () => ({
		message: 'Login with Amazon rejected the token request as malformed (invalid_request)',
		description:
			'A required field is empty or a proxy changed the request. Check that Client ID and Client Secret are filled in and that no proxy rewrites the request body.',
	}),
	unauthorized_client: () => ({
		message: 'This client is not allowed to use this grant (unauthorized_client)',
		description:
			'Use the credentials of the security profile (Appstore) or of the Selling Partner app that the refresh token was issued to.',
	}),
};

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
