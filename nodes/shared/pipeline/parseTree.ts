// Parsing stage for JSON and XML documents: read whole (Amazon's JSON and XML reports are small;
// the size limit of the decompress stage bounds them), then parsed into one tree.
import { XMLParser } from 'fast-xml-parser';
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import { collectText } from './decode';

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
		throw invalidDocument(what, format, error);
	}
}

function invalidDocument(what: string, format: string, cause: unknown): AmazonRequestError {
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new AmazonRequestError(`The ${what} is not valid ${format.toUpperCase()}: ${reason.slice(0, 200)}`, {
		description: 'Amazon sent a damaged document. Run the node again; if it persists, download it as a binary file to look at it.',
	});
}
