// The credentials' preAuthentication: a Login with Amazon token for n8n's own HTTP Request node.
// (The package's nodes use their own shared token cache in lwa.ts.)
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** Exchanges the credential's grant for an access token, for n8n to keep in the hidden Access Token field. */
export async function lwaAccessToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	grant: Record<string, string>,
): Promise<IDataObject> {
	const url = credentials.environment === 'custom' ? String(credentials.tokenUrl) : LWA_TOKEN_URL;
	const response = (await helper.helpers.httpRequest({
		method: 'POST',
		url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
		body: new URLSearchParams({
			...grant,
			client_id: String(credentials.clientId ?? '').trim(),
			client_secret: String(credentials.clientSecret ?? '').trim(),
		}).toString(),
	})) as IDataObject | string;
	const body = typeof response === 'string' ? (JSON.parse(response) as IDataObject) : response;
	return { accessToken: body.access_token };
}
