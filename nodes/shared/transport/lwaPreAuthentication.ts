// The credentials' preAuthentication: a Login with Amazon token that n8n keeps in the hidden,
// expirable Access Token field. It serves the credential's Test button and n8n's own HTTP Request
// node; the package's nodes keep their own shared token cache (lwa.ts). Same exchange, same
// messages: a refused credential says what to fix.
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { HttpSend } from './http';
import { sendThroughN8n } from './http';
import type { LwaCredentials } from './lwa';
import { exchangeToken } from './lwa';

export async function lwaAccessToken(helper: IHttpRequestHelper, credentials: (send: HttpSend) => LwaCredentials): Promise<IDataObject> {
	const send = sendThroughN8n(helper.helpers);
	try {
		const token = await exchangeToken(credentials(send), send);
		return { accessToken: token.accessToken };
	} catch (error) {
		throw credentialError(error);
	}
}

/** n8n shows only the message of a credential's error: the fix goes into it. */
function credentialError(error: unknown): Error {
	if (!(error instanceof AmazonRequestError)) return error instanceof Error ? error : new Error(String(error));
	const fix = error.details.description ? ` ${error.details.description}` : '';
	return new Error(`${error.message}.${fix}`);
}
