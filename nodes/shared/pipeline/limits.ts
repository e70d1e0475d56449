// Limits that keep a damaged or hostile document from taking the instance down: a cap on the
// decompressed size, a guard against decompression bombs (a tiny file that expands without
// end), and a cap on one line. All are enforced while streaming, so they trip within seconds.
import { AmazonRequestError } from '../errors';

export interface Limits {
	/** Most bytes a report may decompress to. */
	maxBytes: number;
	/** Most decompressed bytes per compressed byte, checked once past `ratioFloorBytes`. */
	maxRatio: number;
	/** Most characters in one line of a flat file (and so in one field). */
	maxLineChars: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_MAX_REPORT_MB = 1024;

/**
 * The default for JSON reports that stream (Brand Analytics, vendor analytics). Their document is
 * never held: one element at a time is, so the size cap no longer guards memory (the items do
 * that), only how long a download may run. Brand Analytics documents of several GB are normal;
 * 16 GB still stops a runaway download, and the 200× guard still stops a bomb.
 */
export const STREAMED_MAX_REPORT_MB = 16 * 1024;

export const DEFAULT_LIMITS: Limits = {
	maxBytes: DEFAULT_MAX_REPORT_MB * MiB,
	// Amazon's reports compress 5–20×; deflate cannot exceed about 1,030×, which only a bomb reaches.
	maxRatio: 200,
	maxLineChars: MiB,
};

/** Small files may compress far better than big ones: the ratio guard starts past this size. */
const RATIO_FLOOR_BYTES = 16 * MiB;

/** The limits for "Max Report Size (MB)" as set, or else the report type's default. */
export function limitsWithMaxMegabytes(megabytes: unknown, defaultMegabytes = DEFAULT_MAX_REPORT_MB): Limits {
	const chosen = megabytes === undefined || megabytes === null || megabytes === '' ? NaN : Number(megabytes);
	const value = Number.isFinite(chosen) && chosen > 0 ? chosen : defaultMegabytes;
	return value === DEFAULT_MAX_REPORT_MB ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, maxBytes: Math.round(value * MiB) };
}

/** Counts what goes into and comes out of a decompressor, and stops it at the limits. */
export class SizeMeter {
	compressed = 0;

	decompressed = 0;

	constructor(
		private readonly limits: Limits,
		private readonly what: string,
	) {}

	input(bytes: number): void {
		this.compressed += bytes;
	}

	/** Counts a chunk of output and passes it on. */
	counted(chunk: Uint8Array): Uint8Array {
		this.output(chunk.length);
		return chunk;
	}

	output(bytes: number): void {
		this.decompressed += bytes;
		if (this.decompressed > this.limits.maxBytes) {
			throw new AmazonRequestError(
				`The ${this.what} is larger than ${formatMegabytes(this.limits.maxBytes)} once decompressed`,
				{
					description: `The download was stopped there. If the report really is this large, raise "Max Report Size (MB)" in the node's options (and give n8n the memory for it), or ask for a shorter period.`,
				},
			);
		}
		if (this.decompressed > RATIO_FLOOR_BYTES && this.decompressed > this.compressed * this.limits.maxRatio) {
			throw new AmazonRequestError(
				`The ${this.what} expands more than ${this.limits.maxRatio} times when decompressed: it is damaged or not a real report`,
				{
					description: `It was stopped after ${formatMegabytes(this.decompressed)} from ${formatMegabytes(this.compressed)}. Amazon's reports compress 5–20 times. Run the node again; if it persists, download the file as binary and check it.`,
				},
			);
		}
	}
}

export function formatMegabytes(bytes: number): string {
	return bytes >= 10 * MiB ? `${Math.round(bytes / MiB).toLocaleString('en-US')} MB` : `${(bytes / MiB).toFixed(1)} MB`;
}
