import type { INodeCredentialTestResult } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { LwaCredentials } from './lwa';
import { exchangeToken } from './lwa';

/**
 * The credential's Test button: exchanges a real token (never a cached one) and, when Login with
 * Amazon refuses, shows what to fix.
 */
export async function testLwaCredential(
	credentials: () => LwaCredentials,
): Promise<INodeCredentialTestResult> {
	try {
		await exchangeToken(credentials());
		return { status: 'OK', message: 'Connection successful: Login with Amazon issued an access token' };
	} catch (error) {
		if (error instanceof AmazonRequestError) {
			const fix = error.details.description ? ` ${error.details.description}` : '';
			return { status: 'Error', message: `${error.message}.${fix}` };
		}
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
