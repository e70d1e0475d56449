import type { HttpRequestOptions, HttpResponse } from './http';
import { requestText } from './http';
import type { LwaCredentials } from './lwa';
import { forgetAccessToken, getAccessToken } from './lwa';

/**
 * Sends a request carrying an LWA access token. Amazon answers an expired token with 401/403, so
 * a cached token that is refused is exchanged for a new one once; a fresh token refused is a real
 * denial and its answer goes back to the caller.
 */
export async function requestWithAccessToken(
	credentials: LwaCredentials,
	options: HttpRequestOptions,
	tokenHeaders: (accessToken: string) => Record<string, string>,
): Promise<HttpResponse<string>> {
	for (let attempt = 1; ; attempt++) {
		const token = await getAccessToken(credentials, options.send, options.signal);
		const response = await requestText({
			...options,
			headers: { ...options.headers, ...tokenHeaders(token.value) },
		});
		const refused = response.status === 401 || response.status === 403;
		if (refused && !token.fresh && attempt < 2) {
			forgetAccessToken(credentials, token.value);
			continue;
		}
		return response;
	}
}
