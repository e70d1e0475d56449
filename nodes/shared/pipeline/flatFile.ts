// Flat files (CSV, TSV) through the parse stage: one call per row, the header first, with the
// event loop given a turn between batches. Any error names the file and the row.
import { AmazonRequestError } from '../errors';
import { breathe } from './cooperate';
import type { DelimitedOptions } from './parseDelimited';
import { DelimitedParseError, DelimitedParser } from './parseDelimited';
import { isBlankLine } from './records';

export interface FlatFileSink {
	header(cells: string[]): void;
	/** `row` is the data row's number, 1 for the line after the header. `cells` is reused for the next row. */
	row(cells: string[], row: number): void;
}

/** Reads a flat file; returns how many data rows it had. */
export async function readFlatFile(
	texts: AsyncIterable<string>,
	options: DelimitedOptions & { what: string },
	sink: FlatFileSink,
): Promise<number> {
	const parser = new DelimitedParser(options);
	let headerSeen = false;
	let row = 0;
	const take = (cells: string[]) => {
		if (!headerSeen) {
			headerSeen = true;
			// The parser reuses its array: the header is kept, so copied.
			sink.header(cells.slice());
			return;
		}
		if (isBlankLine(cells)) return;
		row++;
		try {
			sink.row(cells, row);
		} catch (error) {
			throw rowError(options.what, row, error);
		}
	};
	try {
		for await (const text of texts) {
			parser.push(text, take);
			await breathe();
		}
		parser.end(take);
	} catch (error) {
		throw parseError(options.what, error);
	}
	return row;
}

function parseError(what: string, cause: unknown): unknown {
	if (!(cause instanceof DelimitedParseError)) return cause;
	return new AmazonRequestError(`The ${what} cannot be read: ${cause.message}`, {
		description:
			'The file is damaged or is not the report it should be. Run the node again; if it persists, download it as binary to check it.',
	});
}

function rowError(what: string, row: number, cause: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) {
		return new AmazonRequestError(`${cause.message} (${what}, row ${row})`, cause.details);
	}
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new AmazonRequestError(`Row ${row} of the ${what} could not be turned into an item: ${reason}`, {
		description: 'Please report this with the row (without personal data) so the report type can be fixed.',
	});
}
