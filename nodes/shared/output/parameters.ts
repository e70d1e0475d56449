// The editor's side of the output stage, shared by every node that reads reports: Filter Rows,
// Summary per Group's fields, and the options (the item limit, the most groups, the file's field).
// Each node places them next to its own output choice and reads them back with `outputPlanFor`.
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { AmazonRequestError } from '../errors';
import type { FilterCondition, FilterOperator, RowFilterSpec } from './filter';
import { OPERATOR_LABELS } from './filter';
import { DEFAULT_MAX_ITEMS_MB } from './itemLimit';
import type { OutputLabels, OutputMode, OutputPlan } from './reportOutput';
import type { Aggregation, AggregationOp, DateBucket, GroupField } from './summarize';
import { DEFAULT_MAX_GROUPS } from './summarize';

/** The editor's field list: a node's loadOptions method, and the parameters it depends on. */
export interface FieldList {
	method: string;
	dependsOn: string[];
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

function fieldParameter(fields: FieldList, what: string): INodeProperties {
	return {
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod: fields.method, loadOptionsDependsOn: fields.dependsOn },
		default: '',
		description: `${what}: a field of the report’s items. Choose from the list, or specify an ID using an ${EXPRESSION_LINK}.`,
	};
}

const OPERATOR_DESCRIPTIONS: Record<FilterOperator, string> = {
	contains: 'The text holds the value (a list: has an entry equal to it)',
	endsWith: 'The text ends with the value',
	equals: 'Numbers as numbers, dates as the day or moment, text as text',
	gt: 'A larger number, a later date, or text after the value alphabetically',
	gte: 'The value or more: a number, a date, text',
	isEmpty: 'The field has no value',
	isNotEmpty: 'The field has a value',
	isOneOf: 'Equals one of the values, separated by commas (e.g. SKUs)',
	lt: 'A smaller number, an earlier date, or text before the value alphabetically',
	lte: 'The value or less: a number, a date, text',
	notContains: 'The text does not hold the value',
	notEquals: 'Anything but the value (also rows where the field is empty)',
	startsWith: 'The text starts with the value',
};

/** Filter Rows: conditions on the report's fields, applied to each row as it is read. */
export function filterRowsParameter(fields: FieldList, displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Filter Rows',
		name: 'filterRows',
		type: 'fixedCollection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Keep only the rows that match, as the report is read: the others never become items, file lines or totals',
		hint: 'Works at any report size: only the matching rows take memory and execution data',
		...(displayOptions ? { displayOptions } : {}),
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Conditions',
						name: 'conditions',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						placeholder: 'Add Condition',
						default: {},
						options: [
							{
								displayName: 'Condition',
								name: 'condition',
								values: [
									fieldParameter(fields, 'The field to compare'),
									{
										displayName: 'Operator',
										name: 'operator',
										type: 'options',
										options: (Object.keys(OPERATOR_LABELS) as FilterOperator[])
											.map((operator) => ({ name: OPERATOR_LABELS[operator], value: operator, description: OPERATOR_DESCRIPTIONS[operator] }))
											.sort((a, b) => a.name.localeCompare(b.name)),
										default: 'equals',
									},
									{
										displayName: 'Value',
										name: 'value',
										type: 'string',
										default: '',
										placeholder: 'e.g. Shipped, 19.99, 2025-03-05',
										description: 'What to compare with. Dates: a day (2025-03-05) compares with the day the report writes; a moment (2025-03-05T14:00:00Z) as an instant.',
										displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
									},
								],
							},
						],
					},
					{
						displayName: 'Combine Conditions',
						name: 'combine',
						type: 'options',
						options: [
							{ name: 'All Must Match (AND)', value: 'and' },
							{ name: 'Any May Match (OR)', value: 'or' },
						],
						default: 'and',
					},
					{
						displayName: 'Ignore Case',
						name: 'ignoreCase',
						type: 'boolean',
						default: true,
						description: 'Whether to ignore letter case when comparing text, as n8n’s Filter node does by default',
					},
				],
			},
		],
	};
}

/** Summary per Group's fields: what to group by, and what to compute per group. */
export function summaryParameters(fields: FieldList, displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Fields to Group By',
			name: 'groupBy',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Field to Group By',
			default: {},
			description: 'One item per combination of their values. None: one item with the totals of the whole report.',
			hint: 'Each item also has "count", the number of rows in its group',
			displayOptions,
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						fieldParameter(fields, 'The field whose values make the groups'),
						{
							displayName: 'Group Dates By',
							name: 'bucket',
							type: 'options',
							options: [
								{ name: 'Day', value: 'day', description: 'The day the report writes (YYYY-MM-DD), in the marketplace’s time' },
								{ name: 'Month', value: 'month', description: 'YYYY-MM' },
								{ name: 'Value (No Date Grouping)', value: 'value', description: 'Each value its own group' },
								{ name: 'Week (From Monday)', value: 'week', description: 'The Monday the week starts on (YYYY-MM-DD)' },
							],
							default: 'value',
							description: 'For a date field: the period of each group. The output field is named after it, e.g. purchaseDateMonth.',
						},
					],
				},
			],
		},
		{
			displayName: 'Fields to Summarize',
			name: 'aggregations',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Field to Summarize',
			default: {},
			description: 'The values computed per group, named as n8n’s Summarize node names them (sum_itemPrice, average_quantity …)',
			displayOptions,
			options: [
				{
					displayName: 'Value',
					name: 'value',
					values: [
						{
							displayName: 'Aggregation',
							name: 'op',
							type: 'options',
							options: [
								{ name: 'Average', value: 'average', description: 'Of the numbers in the field' },
								{ name: 'Count', value: 'count', description: 'Rows where the field has a value' },
								{ name: 'Maximum', value: 'max', description: 'The largest number, or the latest date' },
								{ name: 'Minimum', value: 'min', description: 'The smallest number, or the earliest date' },
								{ name: 'Sum', value: 'sum', description: 'Of the numbers in the field, to the cent (no float noise)' },
							],
							default: 'sum',
						},
						fieldParameter(fields, 'The field to summarize'),
					],
				},
			],
		},
	];
}

/** The output options every report node offers, by name: each node lists those that apply. */
export const outputOptions = {
	fileField: {
		displayName: 'Put Output File in Field',
		name: 'fileField',
		type: 'string',
		default: 'data',
		description: 'The binary field of the output file, as n8n’s Convert to File names it',
	},
	maxGroups: {
		displayName: 'Max Groups',
		name: 'maxGroups',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_GROUPS,
		description: 'Stop with an error when a summary has more groups than this (each group is an item; grouping by an ID makes one per row)',
	},
	maxItemsSize: {
		displayName: 'Max Items Size (MB)',
		name: 'maxItemsMegabytes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MAX_ITEMS_MB,
		description:
			'Stop with an error, before any item is output, when the rows as items would add more than this to the execution data n8n saves (estimated as they are read). n8n 2.x cannot save an execution of more than about 500 MB. 0: no limit, for n8n instances that do not save successful executions.',
	},
} satisfies Record<string, INodeProperties>;

interface RawCondition {
	field?: string;
	operator?: FilterOperator;
	value?: string | number | boolean;
}

interface RawFilter {
	filter?: { conditions?: { condition?: RawCondition[] }; combine?: 'and' | 'or'; ignoreCase?: boolean };
}

/** Reads the editor's parameters into the plan of one input item. */
export function outputPlanFor(
	read: (name: string, fallback: unknown) => unknown,
	mode: OutputMode,
	labels: OutputLabels,
	extra: Pick<OutputPlan, 'preset'> = {},
): OutputPlan {
	const options = (read('options', {}) ?? {}) as IDataObject;
	const raw = (read('filterRows', {}) ?? {}) as RawFilter;
	const conditions: FilterCondition[] = (raw.filter?.conditions?.condition ?? []).map((condition) => ({
		field: String(condition.field ?? ''),
		operator: condition.operator ?? 'equals',
		value: condition.value,
	}));
	const filter: RowFilterSpec | undefined = conditions.length
		? { conditions, combine: raw.filter?.combine === 'or' ? 'or' : 'and', ignoreCase: raw.filter?.ignoreCase !== false }
		: undefined;
	const plan: OutputPlan = {
		mode,
		filter,
		fileField: String(options.fileField ?? '').trim() || 'data',
		labels,
		...extra,
	};
	if (mode === 'summary' && !plan.preset) {
		const groupBy = ((read('groupBy', {}) as { field?: Array<{ field?: string; bucket?: DateBucket | 'value' }> }).field ?? []).map(
			(entry): GroupField => ({ field: requiredField(entry.field, 'Fields to Group By'), bucket: entry.bucket === 'value' ? undefined : entry.bucket }),
		);
		const values = ((read('aggregations', {}) as { value?: Array<{ op?: AggregationOp; field?: string }> }).value ?? []).map(
			(entry): Aggregation => ({ op: entry.op ?? 'sum', field: requiredField(entry.field, 'Fields to Summarize') }),
		);
		const maxGroups = Number(options.maxGroups ?? DEFAULT_MAX_GROUPS);
		plan.groups = { groupBy, values, maxGroups: Number.isFinite(maxGroups) && maxGroups > 0 ? maxGroups : DEFAULT_MAX_GROUPS };
	}
	return plan;
}

/** The original document attached under the file output's own field would replace the file: refused before any request. */
export function checkAttachField(plan: OutputPlan, attachField: string | undefined, labels: { attach: string; file: string }): void {
	if (plan.mode !== 'file' || attachField === undefined || (attachField || 'data') !== plan.fileField) return;
	throw new AmazonRequestError(`"${labels.attach}" and "${labels.file}" are both "${plan.fileField}"`, {
		description: 'The original file would replace the output file: give one of them another field name, or remove "Attach Original File in Field".',
	});
}

function requiredField(field: unknown, where: string): string {
	const text = String(field ?? '').trim();
	if (!text) {
		throw new AmazonRequestError(`A field in "${where}" is empty`, { description: 'Choose the field from the list, or remove the entry.' });
	}
	return text;
}
