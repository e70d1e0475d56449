// Lists the editor loads: the marketplaces of the credential's region; the report types; the chosen
// report type's or analytics query's fields, for Filter Rows and Summary per Group.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldOptions, startsWithIsoDate } from '../../shared/output/fields';
import { parseTree } from '../../shared/pipeline/parseTree';
import type { ColumnSpec } from '../../shared/pipeline/records';
import type { ColumnType } from '../../shared/pipeline/values';
import { queryFields } from '../dataKiosk/fields';
import type { QueryChoices } from '../dataKiosk/queries';
import { readyMadeQuery } from '../dataKiosk/queries';
import type { Region } from '../marketplaces';
import { marketplaceOptions } from '../marketplaces';
import { reportTypeById, reportTypeChoices } from '../reports/registry';
import { SP_API_CREDENTIAL } from '../transport/reportsApi';

export async function getMarketplaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credential = await this.getCredentials(SP_API_CREDENTIAL).catch(() => undefined);
	const region = String(credential?.region ?? '');
	return marketplaceOptions(['na', 'eu', 'fe'].includes(region) ? (region as Region) : undefined);
}

/** Get Many (reports): every type whose reports Amazon may still keep, a removed one labelled. */
export async function getReadableReportTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return reportTypeChoices('readable');
}

/** Get Many (schedules): the types that can have a schedule. */
export async function getSchedulableReportTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return reportTypeChoices('schedulable');
}

/**
 * The fields of the chosen report type's items: a flat file's typed columns (or Amazon's column
 * names with Simplify off), a JSON or XML report's fields as its sample shapes them. Empty for a
 * report type given by expression: its fields can be written by name.
 */
export async function getReportFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definition = reportTypeById(String(this.getCurrentNodeParameter('reportType', { extractValue: true }) ?? ''));
	if (!definition) return [];
	const simplify = this.getCurrentNodeParameter('simplify') !== false;
	if (definition.format === 'tsv' || definition.format === 'csv') {
		if (!simplify) {
			const header = definition.sample.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
			return fieldOptions(header.split(definition.format === 'tsv' ? '\t' : ',').map((title) => ({ key: title, titles: [], type: 'text' })));
		}
		const leading = Object.keys(definition.leading?.({ marketplaceIds: [] }) ?? {}).map((key) => ({ key, description: 'Added by the node' }));
		return fieldOptions(definition.columns, leading);
	}
	if (!simplify || !('shapeDocument' in definition)) return [];
	const document = await parseTree(
		(async function* () {
			yield definition.sample.text;
		})(),
		definition.format,
		`${definition.name} sample`,
	);
	return fieldOptions(columnsOf(definition.shapeDocument(document, { marketplaceIds: [] })));
}

/**
 * The fields of the chosen analytics query's items (Simplify on), as its shaping writes them: the
 * ready-made query built as the pickers say (B2B metrics when included), a custom query's from its
 * GraphQL text. Empty with Simplify off (Amazon's nested lines: fields by path, e.g.
 * sales.unitsOrdered) and for Download, which learns the query from Amazon.
 */
export async function getQueryFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (this.getCurrentNodeParameter('simplify') === false) return [];
	const kind = String(this.getCurrentNodeParameter('query') ?? '');
	const definition = readyMadeQuery(kind);
	const text = definition
		? definition.build({ ...FIELD_LIST_CHOICES, b2b: this.getCurrentNodeParameter('options.includeB2b') === true }).text
		: kind === 'custom'
			? String(this.getCurrentNodeParameter('graphqlQuery') ?? '')
			: '';
	const fields = queryFields(text);
	if (!fields) return [];
	return fieldOptions(
		fields.columns,
		fields.lists.map((key) => ({ key, description: 'List: one entry per charge (Split Out makes them items)' })),
	);
}

/** Choices that do not change a ready-made query's item keys (only B2B does), to build it for its field list. */
const FIELD_LIST_CHOICES: QueryChoices = {
	marketplaceId: 'ATVPDKIKX0DER',
	range: { startDate: '2026-01-01', endDate: '2026-01-31' },
	dateGranularity: 'DAY',
	asinGranularity: 'SKU',
	productGranularity: 'MSKU',
	feeComponents: [],
	b2b: false,
};

/** The fields of shaped items, typed by the values they hold. */
function columnsOf(items: IDataObject[]): ColumnSpec[] {
	const types = new Map<string, ColumnType | undefined>();
	for (const item of items) {
		for (const [key, value] of Object.entries(item)) {
			if (types.get(key) !== undefined) continue;
			types.set(key, value === null || value === undefined ? undefined : typeOf(value));
		}
	}
	return [...types].map(([key, type]) => ({ key, titles: [], type: type ?? 'text' }));
}

function typeOf(value: unknown): ColumnType {
	if (typeof value === 'number') return 'decimal';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'string' && startsWithIsoDate(value)) return value.length > 10 ? 'datetime' : 'date';
	return 'text';
}
