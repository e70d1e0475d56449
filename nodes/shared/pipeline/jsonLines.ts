// Parsing stage for JSON Lines (Data Kiosk's documents): one JSON object per line, handed over
// one at a time from decoded text chunks. Only the line cut by a chunk's end is carried to the
// next chunk, so memory holds one chunk and one line; the event loop gets a turn between chunks.
import { AmazonRequestError } from '../errors';
import { breathe } from './cooperate';

export interface JsonLinesOptions {
	/** Most characters in one line. */
	maxLineChars: number;
	/** The document, for messages: "results of analytics query 1234 (Seller Economics)". */
	what: string;
}

/** Takes one line's object and its line number; false stops the reading (e.g. a limit reached). */
export type JsonLineSink = (record: Record<string, unknown>, line: number) => boolean | void;

/** Reads JSON Lines; returns how many objects were handed over, and whether the sink stopped early. */
export async function readJsonLines(
	texts: AsyncIterable<string>,
	options: JsonLinesOptions,
	sink: JsonLineSink,
): Promise<{ records: number; stopped: boolean }> {
	const reader = new JsonLinesReader(options, sink);
	for await (const text of texts) {
		if (!reader.push(text)) return { records: reader.records, stopped: true };
		await breathe();
	}
	return { records: reader.records, stopped: !reader.end() };
}

class JsonLinesReader {
	records = 0;

	private carried = '';

	private line = 0;

	constructor(
		private readonly options: JsonLinesOptions,
		private readonly sink: JsonLineSink,
	) {}

	/** Takes a chunk of text; false once the sink wants no more. */
	push(text: string): boolean {
		let start = 0;
		let end = text.indexOf('\n');
		if (this.carried) {
			if (end === -1) {
				this.carry(this.carried + text);
				return true;
			}
			// Only the line cut between two chunks is joined.
			const joined = this.carried + text.slice(0, end);
			this.carried = '';
			if (!this.take(joined)) return false;
			start = end + 1;
			end = text.indexOf('\n', start);
		}
		while (end !== -1) {
			if (!this.take(text.slice(start, end))) return false;
			start = end + 1;
			end = text.indexOf('\n', start);
		}
		this.carry(text.slice(start));
		return true;
	}

	/** The last line, which may have no line break; false when the sink stopped there. */
	end(): boolean {
		const last = this.carried;
		this.carried = '';
		return last ? this.take(last) : true;
	}

	private carry(rest: string): void {
		if (rest.length > this.options.maxLineChars) {
			throw new AmazonRequestError(
				`The ${this.options.what} cannot be read: line ${this.line + 1} is longer than ${this.options.maxLineChars.toLocaleString('en-US')} characters`,
				{ description: 'That is not a line Amazon writes. Run the node again; if it persists, download the document as binary to check it.' },
			);
		}
		this.carried = rest;
	}

	private take(text: string): boolean {
		this.line++;
		const line = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
		// Blank lines are skipped (a line starting with '{' is not looked at twice).
		if (!line || (line.charCodeAt(0) <= 32 && !line.trim())) return true;
		let record: unknown;
		try {
			record = JSON.parse(line);
		} catch (error) {
			throw malformedLine(this.options.what, this.line, error instanceof Error ? error.message : String(error));
		}
		if (!record || typeof record !== 'object' || Array.isArray(record)) {
			throw malformedLine(this.options.what, this.line, `it holds ${Array.isArray(record) ? 'a list' : String(record)}, not an object`);
		}
		this.records++;
		return this.sink(record as Record<string, unknown>, this.line) !== false;
	}
}

function malformedLine(what: string, line: number, reason: string): AmazonRequestError {
	return new AmazonRequestError(`Line ${line.toLocaleString('en-US')} of the ${what} is not a JSON object: ${reason.slice(0, 200)}`, {
		description:
			'Data Kiosk documents hold one JSON object per line. The document is damaged or is not what Amazon sends: run the node again; if it persists, download it (operation Download, Simplify off) or report it with the line.',
	});
}
