// Parsing stage for report documents: flat files line by line, JSON and XML as one tree.
import { XMLParser } from 'fast-xml-parser';
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../shared/errors';
import { collectText } from '../shared/pipeline/decode';
import { parseDelimited } from '../shared/pipeline/parseDelimited';
import { isBlankLine } from '../shared/pipeline/records';
import type { DocumentFormat } from './document';

const xmlParser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	// Values stay text: the report shapers decide what is a number (IDs must stay strings).
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	processEntities: true,
});

export async function parseTree(texts: AsyncIterable<string>, format: 'json' | 'xml', what: string): Promise<IDataObject> {
	const text = (await collectText(texts)).replace(/^\uFEFF/, '');
	if (!text.trim()) return {};
	try {
		const value: unknown = format === 'json' ? JSON.parse(text) : xmlParser.parse(text, true);
		if (Array.isArray(value)) return { items: value } as IDataObject;
		return (value ?? {}) as IDataObject;
	} catch (error) {
		throw unreadableError(what, format, error);
	}
}

function unreadableError(what: string, format: string, cause: unknown): AmazonRequestError {
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new AmazonRequestError(`The ${what} is not valid ${format.toUpperCase()}: ${reason.slice(0, 200)}`, {
		description: 'Amazon sent a damaged document. Run the node again; if it persists, download it as a binary file to look at it.',
	});
}

/** Lines of a flat file, the first one being the header. */
export function parseFlatFile(texts: AsyncIterable<string>, format: 'tsv' | 'csv'): AsyncIterable<string[]> {
	return parseDelimited(texts, { delimiter: format === 'tsv' ? '\t' : ',' });
}

/**
 * Any report, for "Request and Download" and "Download Document": flat files become one item per
 * line keyed by the original column titles; a JSON document becomes one item per element of its
 * main list (or one item); XML becomes one item.
 */
export async function parseAnyDocument(
	texts: AsyncIterable<string>,
	format: DocumentFormat,
	what: string,
): Promise<IDataObject[]> {
	if (format === 'tsv' || format === 'csv') {
		const items: IDataObject[] = [];
		let header: string[] | undefined;
		for await (const cells of parseFlatFile(texts, format)) {
			if (!header) {
				header = cells.map((title, index) => title.replace(/^\uFEFF/, '').trim() || `column${index + 1}`);
				continue;
			}
			if (isBlankLine(cells)) continue;
			const item: IDataObject = {};
			header.forEach((title, index) => (item[title] = cells[index] ?? null));
			items.push(item);
		}
		return items;
	}
	if (format === 'json' || format === 'xml') {
		const tree = await parseTree(texts, format, what);
		if (format === 'json') {
			const lists = Object.values(tree).filter(
				(value): value is IDataObject[] =>
					Array.isArray(value) && value.length > 0 && value.every((entry) => entry && typeof entry === 'object'),
			);
			if (lists.length === 1) return lists[0];
		}
		return [tree];
	}
	const text = await collectText(texts);
	return text.trim() ? [{ text }] : [];
}
