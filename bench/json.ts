// Streaming JSON, measured: a Brand Analytics search terms document of 1,000,000 rows (gzipped, as
// Amazon serves it) through the node's own stages — gunzip → decode → parseJsonStream → the
// registry's shaping (readJsonItems, as Get and Download call it) — against JSON.parse of the same
// text (the tree reader: the whole document as one string, then as one tree). Each case runs in a
// process of its own, so that its peak RSS is its own. Not part of `npm run bench`.
//
//   node --expose-gc --import tsx bench/json.ts [rows]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import type { IDataObject } from 'n8n-workflow';

import { searchTermsDocumentChunks } from '../emulator/fixtures/sp-brand-analytics';
import { readJsonItems } from '../nodes/AmazonSellingPartner/document';
import { brandAnalyticsSearchTermsReport as searchTerms } from '../nodes/AmazonSellingPartner/reports/brandAnalyticsSearchTerms.report';
import { charsetFromContentType, decodeText } from '../nodes/shared/pipeline/decode';
import { gunzipIfCompressed } from '../nodes/shared/pipeline/decompress';
import { DEFAULT_LIMITS, limitsWithMaxMegabytes } from '../nodes/shared/pipeline/limits';

type Case = 'stream, items dropped' | 'stream, items kept' | 'JSON.parse, no items' | 'JSON.parse, items kept';
const CASES: Case[] = ['stream, items dropped', 'stream, items kept', 'JSON.parse, no items', 'JSON.parse, items kept'];
const CONTEXT = { marketplaceIds: ['ATVPDKIKX0DER'] };

interface Result {
	rows: number;
	seconds: number;
	/** Before the document is read: the modules and the gzipped file. */
	baselineRssMb: number;
	peakRssMb: number;
	longestBlockMs: number;
}

/** The document's bytes in 64 KB pieces, as a download hands them over. */
async function* pieces(bytes: Uint8Array): AsyncIterable<Uint8Array> {
	for (let offset = 0; offset < bytes.length; offset += 65_536) yield bytes.subarray(offset, offset + 65_536);
}

async function measure(which: Case, file: string): Promise<Result> {
	const gzipped = readFileSync(file);
	global.gc?.();
	const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
	let last = performance.now();
	let longestBlockMs = 0;
	const meter = setInterval(() => {
		const now = performance.now();
		longestBlockMs = Math.max(longestBlockMs, now - last - 5);
		last = now;
	}, 5);
	const started = performance.now();
	const kept: IDataObject[] = [];
	let rows = 0;
	if (which.startsWith('JSON.parse')) {
		// The tree reader: the whole text, then the whole tree, then (items kept) the same shaping.
		const document = JSON.parse(gunzipSync(gzipped).toString('utf8')) as IDataObject;
		const list = document.dataByDepartmentAndSearchTerm as IDataObject[];
		rows = list.length;
		if (which === 'JSON.parse, items kept') {
			const fields = searchTerms.stream.context(document, CONTEXT);
			for (const row of list) {
				const item = searchTerms.stream.element(row, 'dataByDepartmentAndSearchTerm') as IDataObject;
				for (const key in fields) item[key] = fields[key];
				kept.push(item);
			}
		}
	} else {
		const limits = limitsWithMaxMegabytes(undefined, searchTerms.defaultMaxReportMegabytes);
		const texts = decodeText(gunzipIfCompressed(pieces(gzipped), { what: 'bench document', limits }), charsetFromContentType('text/plain;charset=UTF-8'));
		const keep = which === 'stream, items kept';
		await readJsonItems(texts, searchTerms.stream, true, CONTEXT, { what: 'bench document', maxElementChars: DEFAULT_LIMITS.maxLineChars }, (item) => {
			rows++;
			if (keep) kept.push(item);
		});
	}
	const seconds = (performance.now() - started) / 1000;
	// A synchronous read never lets the meter run: its whole time is one block.
	longestBlockMs = Math.max(longestBlockMs, performance.now() - last - 5);
	clearInterval(meter);
	// ru_maxrss: the process's peak resident set, in KB.
	return { rows, seconds, baselineRssMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), longestBlockMs: Math.round(longestBlockMs) };
}

function main(): void {
	const rows = Number(process.argv[2] ?? 1_000_000);
	const folder = mkdtempSync(join(tmpdir(), 'bench-json-'));
	const file = join(folder, 'search-terms.json.gz');
	const text = [...searchTermsDocumentChunks({ rows, marketplaceId: 'ATVPDKIKX0DER', dataStartTime: '2026-11-22', dataEndTime: '2026-11-28' })].join('');
	writeFileSync(file, gzipSync(text, { level: 6 }));
	console.log(`Search terms document: ${rows.toLocaleString('en-US')} rows, ${Math.round(text.length / 1e6)} MB of JSON, ${(readFileSync(file).length / 1e6).toFixed(1)} MB gzipped`);
	try {
		for (const which of CASES) {
			const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--case', which, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
			const line = child.stdout.trim().split('\n').at(-1) ?? '';
			if (child.status !== 0 || !line.startsWith('{')) {
				console.log(`${which.padEnd(24)} failed: ${(child.stderr || line).trim().split('\n').slice(-3).join(' ')}`);
				continue;
			}
			const result = JSON.parse(line) as Result;
			const perMillion = (result.seconds / result.rows) * 1e6;
			console.log(
				`${which.padEnd(24)} ${perMillion.toFixed(2)} s per million rows (${result.rows.toLocaleString('en-US')} in ${result.seconds.toFixed(2)} s), peak RSS ${result.peakRssMb} MB (${result.baselineRssMb} MB before), longest event-loop block ${result.longestBlockMs} ms`,
			);
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

if (process.argv[2] === '--case') {
	void measure(process.argv[3] as Case, process.argv[4]).then((result) => console.log(JSON.stringify(result)));
} else {
	main();
}
