// Login with Amazon's token endpoint: both grants, and every error body the docs list.
import { randomBytes } from 'node:crypto';

import type { EmulatorClock, RecordedRequest, Reply } from './types';

export const EMULATOR_APPSTORE_CLIENT = {
	clientId: 'amzn1.application-oa2-client.emulator0appstore',
	clientSecret: 'emulator-appstore-secret-do-not-use',
	scope: 'adx_reporting::appstore:marketer',
};

export const EMULATOR_SP_API_CLIENT = {
	clientId: 'amzn1.application-oa2-client.emulator0sellingpartner',
	clientSecret: 'emulator-sp-api-secret-do-not-use',
	refreshToken: 'Atzr|emulator-refresh-token-do-not-use',
};

interface Client {
	clientId: string;
	clientSecret: string;
	scopes: string[];
	refreshTokens: string[];
}

export interface IssuedToken {
	clientId: string;
	scope?: string;
	expiresAt: number;
}

const json = (status: number, body: unknown): Reply => ({
	status,
	headers: { 'content-type': 'application/json;charset=UTF-8' },
	body: JSON.stringify(body),
});

const lwaError = (status: number, error: string, description: string) =>
	json(status, { error_description: description, error });

export class LoginWithAmazon {
	tokenTtlSeconds = 3600;

	/** Successful grants since the last reset. */
	tokenRequests = 0;

	private readonly clients = new Map<string, Client>();

	private readonly tokens = new Map<string, IssuedToken>();

	constructor(private readonly clock: EmulatorClock) {
		this.reset();
	}

	/** Back to the demo clients. Issued tokens stay valid, as at Amazon: expireAllTokens() ends them. */
	reset(): void {
		this.tokenTtlSeconds = 3600;
		this.tokenRequests = 0;
		this.clients.clear();
		this.addClient({ ...EMULATOR_APPSTORE_CLIENT, scopes: [EMULATOR_APPSTORE_CLIENT.scope] });
		this.addClient({ ...EMULATOR_SP_API_CLIENT, scopes: [], refreshTokens: [EMULATOR_SP_API_CLIENT.refreshToken] });
	}

	addClient(client: { clientId: string; clientSecret: string; scopes?: string[]; refreshTokens?: string[] }): void {
		this.clients.set(client.clientId, {
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			scopes: client.scopes ?? [],
			refreshTokens: client.refreshTokens ?? [],
		});
	}

	/** Every token issued so far stops working, as after its hour. */
	expireAllTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	/** The token's grant, when it was issued here and has not expired. */
	validate(accessToken: string, scope?: string): IssuedToken | undefined {
		const token = this.tokens.get(accessToken);
		if (!token || token.expiresAt <= this.clock.now()) return undefined;
		if (scope !== undefined && token.scope !== scope) return undefined;
		return token;
	}

	handle(request: RecordedRequest): Reply {
		if (request.method !== 'POST') return lwaError(400, 'invalid_request', 'The request method is not supported');
		const contentType = request.headers['content-type'] ?? '';
		if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
			return lwaError(400, 'invalid_request', 'The Content-Type is not supported by the authorization server');
		}
		const form = new URLSearchParams(request.body);
		const grantType = form.get('grant_type');
		const clientId = form.get('client_id');
		const clientSecret = form.get('client_secret');
		if (!grantType || !clientId || !clientSecret) {
			return lwaError(400, 'invalid_request', 'The request is missing a required parameter');
		}
		if (grantType !== 'client_credentials' && grantType !== 'refresh_token') {
			return lwaError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server');
		}
		const client = this.clients.get(clientId);
		if (!client || client.clientSecret !== clientSecret) {
			return lwaError(401, 'invalid_client', 'Client authentication failed');
		}
		if (grantType === 'client_credentials') {
			const scope = form.get('scope') ?? '';
			if (!client.scopes.includes(scope)) {
				return lwaError(400, 'invalid_scope', 'The request has an invalid parameter : scope');
			}
			const accessToken = this.issue(client.clientId, scope, 'Atc|');
			return json(200, { access_token: accessToken, scope, token_type: 'bearer', expires_in: this.tokenTtlSeconds });
		}
		const refreshToken = form.get('refresh_token') ?? '';
		if (!client.refreshTokens.includes(refreshToken)) {
			return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
		}
		const accessToken = this.issue(client.clientId, undefined, 'Atza|');
		return json(200, {
			access_token: accessToken,
			refresh_token: refreshToken,
			token_type: 'bearer',
			expires_in: this.tokenTtlSeconds,
		});
	}

	private issue(clientId: string, scope: string | undefined, prefix: string): string {
		const accessToken = `${prefix}${randomBytes(90).toString('base64url')}`;
		this.tokens.set(accessToken, { clientId, scope, expiresAt: this.clock.now() + this.tokenTtlSeconds * 1000 });
		this.tokenRequests++;
		return accessToken;
	}
}
