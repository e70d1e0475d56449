// One runtime per n8n process: the package's nodes and triggers share the token cache and the
// rate pacers, whichever node type runs, as n8n loads them (each from its own file).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT } from '../emulator';
import {
	APPSTORE,
	APPSTORE_CREDENTIAL,
	APPSTORE_TRIGGER,
	credentialsFor,
	EVERY_POLL,
	SELLING_PARTNER,
	SELLING_PARTNER_TRIGGER,
	SP_CREDENTIAL,
	US,
	useEmulator,
} from './harness/amazon';
import { runNode, runPoll } from './harness/engine';

const emulator = useEmulator();

describe('one runtime for every node of the package', () => {
	test('the Appstore node and trigger, at once: one token request, Amazon’s 3 requests a second never exceeded', async () => {
		// A client the process has no cached token for.
		const client = { clientId: 'amzn1.application-oa2-client.shared-runtime', clientSecret: 'shared-runtime-secret-value' };
		emulator().lwa.addClient({ ...client, scopes: [EMULATOR_APPSTORE_CLIENT.scope] });
		const credentials = credentialsFor(emulator(), { [APPSTORE_CREDENTIAL]: client });
		const [node, trigger] = await Promise.all([
			runNode({ type: APPSTORE, parameters: { operation: 'getSalesReport', period: 'range', startMonth: '2025-01', endMonth: '2025-05' }, credentials }),
			runPoll({ type: APPSTORE_TRIGGER, parameters: { event: 'newMonthlyReport', reports: ['sales', 'subscription'], options: EVERY_POLL }, credentials, staticData: {} }),
		]);
		assert.equal(node.error, undefined);
		assert.ok(node.items.length > 0);
		assert.equal(trigger.items, null, 'the first poll only remembers');
		assert.equal(emulator().lwa.tokenRequests, 1, 'one token for both node types');
		assert.equal(emulator().appstore.rateLimited, 0, 'never throttled');
		const times = emulator()
			.requests.filter((request) => request.path.startsWith('/api/appstore/'))
			.map((request) => request.at);
		assert.ok(times.length >= 9);
		for (let index = 3; index < times.length; index++) assert.ok(times[index] - times[index - 3] >= 1000, 'at most 3 requests in any second');
	});

	test('the Selling Partner node and trigger, at once: one token request', async () => {
		const client = { clientId: 'amzn1.application-oa2-client.shared-sp', clientSecret: 'shared-sp-secret-value', refreshToken: 'Atzr|shared-sp-refresh-token' };
		emulator().lwa.addClient({ clientId: client.clientId, clientSecret: client.clientSecret, refreshTokens: [client.refreshToken] });
		const credentials = credentialsFor(emulator(), { [SP_CREDENTIAL]: client });
		const [node] = await Promise.all([
			runNode({ type: SELLING_PARTNER, parameters: { resource: 'report', operation: 'get', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', marketplaceIds: [US] }, credentials }),
			runPoll({ type: SELLING_PARTNER_TRIGGER, parameters: { event: 'reportReady', reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', options: EVERY_POLL }, credentials, staticData: {} }),
		]);
		assert.equal(node.error, undefined);
		assert.equal(emulator().lwa.tokenRequests, 1);
		assert.ok(!JSON.stringify(node.items).includes(EMULATOR_SP_API_CLIENT.clientSecret));
	});
});
