// The Appstore Reporting API: a month's report is a presigned S3 link to a ZIP holding a CSV.
import { generateSalesReport } from './fixtures/appstore-sales';
import { generateSubscriptionReport } from './fixtures/appstore-subscription';
import type { LoginWithAmazon } from './lwa';
import { EMULATOR_APPSTORE_CLIENT } from './lwa';
import type { S3Emulator } from './s3';
import type { EmulatorClock, RecordedRequest, Reply } from './types';
import { buildZip } from './zip';

type Kind = 'sales' | 'subscription';
type Content = { csv: string } | { zip: Uint8Array } | null;

const ROUTE = /^\/api\/appstore\/download\/report\/(sales|subscription)\/(\d{4})\/(\d{2})$/;

const message = (status: number, text: string): Reply => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ Message: text }),
});

export class AppstoreEmulator {
	/** How the download link is written in the answer: all three are seen. */
	urlStyle: 'plain' | 'quoted' | 'json' = 'plain';

	/** 429 answers since the last reset: a client that paces itself never gets one. */
	rateLimited = 0;

	private readonly custom = new Map<string, Content>();

	private readonly recent = new Map<string, number[]>();

	constructor(
		private readonly lwa: LoginWithAmazon,
		private readonly s3: S3Emulator,
		private readonly clock: EmulatorClock,
	) {}

	reset(): void {
		this.urlStyle = 'plain';
		this.rateLimited = 0;
		this.custom.clear();
		this.recent.clear();
	}

	/** Replaces a month's report; null makes it "Report not found". */
	setReport(kind: Kind, month: string, content: Content): void {
		this.custom.set(`${kind}/${month}`, content);
	}

	handle(request: RecordedRequest): Reply {
		const route = ROUTE.exec(request.path);
		if (!route || request.method !== 'GET') {
			return message(400, `Unable to fetch the request scope for uri = ${request.path} and verb = ${request.method}`);
		}
		const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		const token = bearer ? this.lwa.validate(bearer, EMULATOR_APPSTORE_CLIENT.scope) : undefined;
		if (!token) return message(403, 'Request is not authorized.');
		if (this.overRateLimit(token.clientId)) {
			this.rateLimited++;
			return message(429, 'Rate exceeded');
		}

		const [, kind, year, month] = route as unknown as [string, Kind, string, string];
		const zip = this.zipFor(kind, `${year}-${month}`);
		if (!zip) return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'Report not found' };
		const objectKey = `85923/${kind}/${kind}_${year}_${month}.zip`;
		this.s3.put(objectKey, zip, 'application/zip');
		const url = this.s3.presign(objectKey);
		const body = this.urlStyle === 'json' ? JSON.stringify({ url }) : this.urlStyle === 'quoted' ? `"${url}"` : url;
		return { status: 200, headers: { 'content-type': 'text/plain' }, body };
	}

	private zipFor(kind: Kind, month: string): Uint8Array | undefined {
		const custom = this.custom.get(`${kind}/${month}`);
		if (custom === null) return undefined;
		if (custom) return 'zip' in custom ? custom.zip : buildZip([{ name: `${kind}_${month.replace('-', '_')}.csv`, content: custom.csv }]);
		const now = new Date(this.clock.now());
		const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
		if (month < '2018-01' || month > current) return undefined;
		const { csv } = kind === 'sales' ? generateSalesReport(month) : generateSubscriptionReport(month);
		const [year, mm] = month.split('-').map(Number);
		const csvName = `${kind}_${year}_${String(mm).padStart(2, '0')}.csv`;
		// Real ZIPs vary: some carry another entry first, some are streamed.
		const entries = mm % 4 === 0 ? [{ name: 'README.txt', content: 'Amazon Appstore report' }, { name: csvName, content: csv }] : [{ name: csvName, content: csv }];
		return buildZip(entries, { streamed: mm % 3 === 0 });
	}

	/** Amazon allows 3 requests per second. */
	private overRateLimit(clientId: string): boolean {
		const now = Date.now();
		const times = (this.recent.get(clientId) ?? []).filter((time) => now - time < 1000);
		times.push(now);
		this.recent.set(clientId, times);
		return times.length > 3;
	}
}
