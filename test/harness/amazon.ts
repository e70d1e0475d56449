// What every test file needs around the engine: the emulator started once per file and reset
// before each test, the package's node types, credentials pointed at the emulator, and the small
// helpers tests share (months, dates, request filters, a trigger kept across polls).
import { after, before, beforeEach } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { AmazonEmulator } from '../../emulator';
import { emulatorCredentials, startAmazonEmulator } from '../../emulator';
import type { RunNodeOptions } from './engine';
import { runNode, runPoll } from './engine';

export const APPSTORE = 'n8n-nodes-amazon-reports.amazonAppstore';
export const APPSTORE_TRIGGER = 'n8n-nodes-amazon-reports.amazonAppstoreTrigger';
export const SELLING_PARTNER = 'n8n-nodes-amazon-reports.amazonSellingPartner';
export const SELLING_PARTNER_TRIGGER = 'n8n-nodes-amazon-reports.amazonSellingPartnerTrigger';
export const APPSTORE_CREDENTIAL = 'amazonAppstoreReportingApi';
export const SP_CREDENTIAL = 'amazonSellingPartnerApi';

export const US = 'ATVPDKIKX0DER';
export const CA = 'A2EUQ1WTGCTBG2';
export const MX = 'A1AM78C64UM0Y8';
export const DE = 'A1PA6795UKMFR9';
export const FR = 'A13V1IB3VIYZZH';
export const JP = 'A1VC38T7YXB528';

/** Tests poll back to back: the triggers' own pacing ("Check at Most Every") is off unless a test is about it. */
export const EVERY_POLL = { checkEveryMinutes: 0 };

/** Starts the emulator for this test file, resets it before each test; `emulator()` is the running one. */
export function useEmulator(): () => AmazonEmulator {
	let emulator: AmazonEmulator | undefined;
	before(async () => {
		emulator = await startAmazonEmulator();
	});
	after(async () => {
		await emulator?.close();
	});
	beforeEach(() => emulator?.reset());
	return () => emulator as AmazonEmulator;
}

/** Both credentials pointed at the emulator, with overrides for one of them. */
export function credentialsFor(
	emulator: AmazonEmulator,
	overrides: Partial<Record<typeof APPSTORE_CREDENTIAL | typeof SP_CREDENTIAL, Record<string, string>>> = {},
): Record<string, ICredentialDataDecryptedObject> {
	const base = emulatorCredentials(emulator);
	return {
		[APPSTORE_CREDENTIAL]: { ...base[APPSTORE_CREDENTIAL], ...overrides[APPSTORE_CREDENTIAL] },
		[SP_CREDENTIAL]: { ...base[SP_CREDENTIAL], ...overrides[SP_CREDENTIAL] },
	};
}

/** Runs one node of the package behind a start node, with the emulator's credentials. */
export async function runAgainst(emulator: AmazonEmulator, type: string, parameters: IDataObject, extra: Partial<RunNodeOptions> = {}) {
	return await runNode({ type, parameters, credentials: credentialsFor(emulator), ...extra });
}

/** A trigger kept across polls, as n8n keeps an active workflow's static data. */
export function keptTrigger(emulator: () => AmazonEmulator, type: string, parameters: IDataObject) {
	const staticData: IDataObject = {};
	return {
		staticData,
		nodeState: () => JSON.parse(JSON.stringify(staticData['node:Trigger'] ?? {})) as IDataObject,
		poll: async (mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[]> => {
			const { items } = await runPoll({ type, parameters, credentials: credentialsFor(emulator()), staticData, mode });
			return items ?? [];
		},
	};
}

/** `YYYY-MM` of the month `count` months before the current one (UTC). */
export function monthsAgo(count: number): string {
	const now = new Date();
	const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, 1));
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** An instant `days` days ago, as ISO 8601. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** The requests the emulator received with this method whose path matches. */
export const requestsTo = (emulator: AmazonEmulator, method: string, path: RegExp) =>
	emulator.requests.filter((request) => request.method === method && path.test(request.path));
