// Parsing stage for CSV and TSV: text chunks in, one array of cells per line out.
import { parse } from 'csv-parse';

export interface DelimitedOptions {
	delimiter: ',' | '\t';
}

export async function* parseDelimited(
	texts: AsyncIterable<string>,
	options: DelimitedOptions,
): AsyncIterable<string[]> {
	const parser = parse({
		delimiter: options.delimiter,
		bom: true,
		relax_column_count: true,
		// Amazon's flat files put raw quotes inside unquoted fields (buyer comments, titles).
		relax_quotes: true,
		skip_empty_lines: true,
	});
	const feeding = (async () => {
		try {
			for await (const text of texts) {
				if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
			}
			parser.end();
		} catch (error) {
			parser.destroy(error as Error);
		}
	})();
	for await (const record of parser) yield record as string[];
	await feeding;
}
