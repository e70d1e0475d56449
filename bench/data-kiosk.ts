// Data Kiosk results, measured: a JSONL document of 1,000,000 lines (Sales and Traffic by ASIN at
// SKU level, B2B metrics included, gzipped as S3 stores it), each case in a process of its own so
// that its peak RSS is its own. Not part of `npm run bench`.
//   - node: Run of resource Analytics Query in n8n-core's engine against the bench emulator (in
//     another process): create → wait → download → gunzip → decode → lines → items, every line an
//     item as n8n keeps them;
//   - stages: the node's own stages without n8n (gunzip → decode → JSON lines → shaping), items
//     dropped: what the stream itself holds.
//
//   node --expose-gc --import tsx bench/data-kiosk.ts [lines]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGzip } from 'node:zlib';

import { salesAndTrafficByAsinLines } from '../emulator/fixtures/data-kiosk';
import { readyMadeQuery } from '../nodes/AmazonSellingPartner/dataKiosk/queries';
import { charsetFromContentType, decodeText } from '../nodes/shared/pipeline/decode';
import { gunzipIfCompressed } from '../nodes/shared/pipeline/decompress';
import { readJsonLines } from '../nodes/shared/pipeline/jsonLines';
import { limitsWithMaxMegabytes } from '../nodes/shared/pipeline/limits';

const MARKETPLACE = 'ATVPDKIKX0DER';
const day = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const [START, END] = [day(31), day(2)];
/** A million such lines are 1.45 GB of JSON: above the default Max Result Size (1,024 MB), raised as a user would. */
const MAX_RESULT_MB = 4096;
const LIMITS = limitsWithMaxMegabytes(MAX_RESULT_MB);

interface Measured {
	rows: number;
	seconds: number;
	peakRssMb: number;
	baselineRssMb: number;
	longestBlockMs: number;
	error?: string;
}

/** The document, written in pieces so that this process never holds it. */
async function writeDocument(file: string, lines: number): Promise<{ jsonMb: number }> {
	const gzip = createGzip({ level: 6 });
	const output = gzip.pipe(createWriteStream(file));
	let batch: string[] = [];
	let bytes = 0;
	for (const line of salesAndTrafficByAsinLines(MARKETPLACE, START, END, lines)) {
		batch.push(line);
		if (batch.length === 10_000) {
			const text = `${batch.join('\n')}\n`;
			bytes += text.length;
			if (!gzip.write(text)) await once(gzip, 'drain');
			batch = [];
		}
	}
	const rest = batch.length ? `${batch.join('\n')}\n` : '';
	bytes += rest.length;
	gzip.end(rest);
	await once(output, 'finish');
	return { jsonMb: Math.round(bytes / 1e6) };
}

/** The node's stages on the file, items shaped and dropped. */
async function measureStages(file: string): Promise<Measured> {
	const gzipped = readFileSync(file);
	global.gc?.();
	const baselineRssMb = Math.round(process.memoryUsage().rss / 1048576);
	const blocks = blockMeter();
	const started = performance.now();
	const { shape } = (readyMadeQuery('salesAndTrafficByAsin') as NonNullable<ReturnType<typeof readyMadeQuery>>).build({
		marketplaceId: MARKETPLACE,
		range: { startDate: START, endDate: END },
		dateGranularity: 'RANGE',
		asinGranularity: 'SKU',
		productGranularity: 'MSKU',
		feeComponents: [],
		b2b: true,
	});
	async function* pieces(): AsyncIterable<Uint8Array> {
		// 64 KB at a time, as a download hands them over.
		for (let offset = 0; offset < gzipped.length; offset += 65_536) yield gzipped.subarray(offset, offset + 65_536);
	}
	const texts = decodeText(gunzipIfCompressed(pieces(), { what: 'bench document', limits: LIMITS }), charsetFromContentType(undefined));
	let rows = 0;
	await readJsonLines(texts, { what: 'bench document', maxLineChars: LIMITS.maxLineChars }, (record) => {
		if (shape(record)) rows++;
	});
	const seconds = (performance.now() - started) / 1000;
	return { rows, seconds, baselineRssMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), longestBlockMs: blocks.stop() };
}

function blockMeter() {
	let last = performance.now();
	let longest = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last - 5);
		last = now;
	}, 5);
	return {
		stop: () => {
			clearInterval(timer);
			return Math.round(Math.max(longest, performance.now() - last - 5));
		},
	};
}

/** The bench emulator in its own process, serving the document to the next analytics query. */
async function startEmulator(file: string) {
	const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'emulator.ts'), JSON.stringify({ dataKiosk: file })], {
		stdio: ['pipe', 'pipe', 'inherit'],
		cwd: join(__dirname, '..'),
	});
	const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
	const first = await lines.next();
	const { credentials } = JSON.parse(String(first.value)) as { credentials: Record<string, Record<string, string>> };
	return { credentials, stop: () => child.stdin.end() };
}

function runInProcess(args: string[]): Measured {
	const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', ...args], {
		cwd: join(__dirname, '..'),
		encoding: 'utf8',
		env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		maxBuffer: 16 * 1024 * 1024,
	});
	const line = child.stdout.trim().split('\n').pop() ?? '';
	if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bench case failed: ${(child.stderr || line).trim().split('\n').slice(-5).join(' ')}`);
	const result = JSON.parse(line) as Measured & { longestBlockInNodeMs?: number };
	return { ...result, longestBlockMs: result.longestBlockInNodeMs ?? result.longestBlockMs };
}

async function main(): Promise<void> {
	const lines = Number(process.argv[2] ?? 1_000_000);
	const folder = mkdtempSync(join(tmpdir(), 'bench-data-kiosk-'));
	const file = join(folder, 'sales-and-traffic-by-asin.jsonl.gz');
	try {
		const { jsonMb } = await writeDocument(file, lines);
		console.log(`Sales and Traffic by ASIN results: ${lines.toLocaleString('en-US')} lines, ${jsonMb} MB of JSONL, ${(statSync(file).size / 1e6).toFixed(1)} MB gzipped`);
		const report = (name: string, result: Measured) => {
			if (result.error || result.rows !== lines) throw new Error(`${name}: ${result.error ?? `${result.rows} rows instead of ${lines}`}`);
			console.log(
				`${name.padEnd(44)} ${((result.seconds / result.rows) * 1e6).toFixed(2)} s per million lines (${result.seconds.toFixed(2)} s), peak RSS ${result.peakRssMb} MB (${result.baselineRssMb} MB before), longest event-loop block ${result.longestBlockMs} ms`,
			);
		};
		report('stages (gunzip → decode → lines → shape), dropped', runInProcess([__filename, '--stages', file]));
		const emulator = await startEmulator(file);
		try {
			const spec = {
				kind: 'node',
				type: 'n8n-nodes-amazon-reports.amazonSellingPartner',
				credentials: emulator.credentials,
				parameters: {
					resource: 'analyticsQuery',
					operation: 'run',
					query: 'salesAndTrafficByAsin',
					asinGranularity: 'SKU',
					marketplaceIds: [MARKETPLACE],
					startDate: START,
					endDate: END,
					returnAll: true,
					// Every line an item, as the other items cases measure them: without the item limit (the engine saves nothing here).
					options: { includeB2b: true, maxResultMegabytes: MAX_RESULT_MB, maxItemsMegabytes: 0 },
				},
			};
			report('node in n8n-core (Run), every line an item', runInProcess([join(__dirname, 'case.ts'), JSON.stringify(spec)]));
		} finally {
			emulator.stop();
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

if (process.argv[2] === '--stages') {
	void measureStages(process.argv[3]).then((result) => console.log(JSON.stringify(result)));
} else {
	void main();
}
