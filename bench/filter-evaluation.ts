// Why Filter Rows is a conditions list of the package's own, compiled once into a predicate, and not
// n8n's `filter` parameter type: the cost of deciding, for each of a million orders records, whether
// it is kept — the same conditions (a day, a fulfillment channel, a status, a price), three ways:
//   1. the package's compiled predicate (nodes/shared/output/filter.ts), as Filter Rows runs it;
//   2. n8n-workflow's own evaluator (executeFilter) on values the package would read from each
//      record (the left values resolved without expressions);
//   3. n8n's Filter node way: the `filter` parameter resolved per item by n8n-core's
//      getNodeParameter(…, { extractValue: true }), left values as the expressions the editor makes
//      ({{ $json.orderStatus }}), over the records as input items.
// Run: node --import tsx bench/filter-evaluation.ts [rows, default 1,000,000] [rows for way 3]
import './../test/harness/env';

import { ExecuteContext } from 'n8n-core';
import type { FilterValue, IDataObject, INode, INodeExecutionData, INodeType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { createRunExecutionData, executeFilter, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { compileFilter } from '../nodes/shared/output/filter';
import { fieldKinds } from '../nodes/shared/output/fields';
import { RecordShaper } from '../nodes/shared/pipeline/records';
import { ORDER_COLUMNS } from '../nodes/AmazonSellingPartner/reports/ordersByOrderDate.report';
import { ORDERS_HEADER, ordersLine } from './fixtures';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const NODE_WAY_ROWS = Number(process.argv[3] ?? ROWS);

const CONDITIONS = [
	{ field: 'purchaseDate', operator: 'gte' as const, value: '2025-03-05', type: 'dateTime', operation: 'afterOrEquals' },
	{ field: 'fulfillmentChannel', operator: 'equals' as const, value: 'Merchant', type: 'string', operation: 'equals' },
	{ field: 'orderStatus', operator: 'equals' as const, value: 'Pending', type: 'string', operation: 'equals' },
	{ field: 'itemPrice', operator: 'gt' as const, value: '20', type: 'number', operation: 'gt' },
];

function records(count: number): IDataObject[] {
	const shaper = new RecordShaper(ORDERS_HEADER, ORDER_COLUMNS, { cells: { dateOrder: 'YMD' } });
	return Array.from({ length: count }, (_, i) => shaper.shape(ordersLine(i).split('\t')));
}

function time(label: string, rows: number, run: () => number): { label: string; kept: number; microsPerRow: number; millionSeconds: number } {
	const started = performance.now();
	const kept = run();
	const seconds = (performance.now() - started) / 1000;
	const result = { label, kept, microsPerRow: (seconds * 1e6) / rows, millionSeconds: (seconds * 1e6) / rows };
	console.log(`${label}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s, ${result.microsPerRow.toFixed(3)} µs per row (${result.millionSeconds.toFixed(1)} s per million), ${kept} kept`);
	return result;
}

const filterValue = (left: (condition: (typeof CONDITIONS)[number]) => unknown): FilterValue => ({
	options: { caseSensitive: false, typeValidation: 'loose', leftValue: '', version: 2 },
	combinator: 'and',
	conditions: CONDITIONS.map((condition, index) => ({
		id: String(index),
		leftValue: left(condition) as string,
		rightValue: condition.type === 'number' ? Number(condition.value) : condition.value,
		operator: { type: condition.type as 'string', operation: condition.operation },
	})),
});

async function main(): Promise<void> {
	const rows = records(ROWS);
	console.log(`${ROWS.toLocaleString('en-US')} typed orders records; conditions: ${CONDITIONS.map((c) => `${c.field} ${c.operator} ${c.value}`).join(' AND ')}`);

	const predicate = compileFilter({ conditions: CONDITIONS, combine: 'and' }, fieldKinds(ORDER_COLUMNS)) as (record: IDataObject) => boolean;
	time('1. compiled predicate (Filter Rows)', ROWS, () => {
		let kept = 0;
		for (const record of rows) if (predicate(record)) kept++;
		return kept;
	});

	time('2. n8n-workflow executeFilter, values read by the package', ROWS, () => {
		let kept = 0;
		for (const record of rows) if (executeFilter(filterValue((condition) => record[condition.field]))) kept++;
		return kept;
	});

	// 3. As n8n's Filter node: the parameter resolved per input item by n8n-core.
	const nodeRows = rows.slice(0, NODE_WAY_ROWS);
	const node: INode = {
		id: 'filter',
		name: 'Filter',
		type: 'bench.filter',
		typeVersion: 1,
		position: [0, 0],
		parameters: { conditions: filterValue((condition) => `={{ $json.${condition.field} }}`) as unknown as INode['parameters'] },
	};
	const filterNode: INodeType = {
		description: {
			displayName: 'Filter',
			name: 'bench.filter',
			group: ['transform'],
			version: 1,
			description: 'n8n Filter V2 parameters',
			defaults: { name: 'Filter' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {}, typeOptions: { filter: { caseSensitive: false, typeValidation: 'loose', version: 2 } } }],
		},
	};
	const workflow = new Workflow({
		id: 'bench',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => filterNode, getByNameAndVersion: () => filterNode, getKnownTypes: () => ({}) },
		settings: { executionOrder: 'v1' },
	});
	const items: INodeExecutionData[] = nodeRows.map((json) => ({ json }));
	const context = new ExecuteContext(
		workflow,
		node,
		{
			variables: {},
			executionId: 'bench',
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		} as unknown as IWorkflowExecuteAdditionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	time(`3. n8n's Filter node way (getNodeParameter per item, {{ $json.field }})`, NODE_WAY_ROWS, () => {
		let kept = 0;
		for (let index = 0; index < items.length; index++) if (context.getNodeParameter('conditions', index, false, { extractValue: true })) kept++;
		return kept;
	});
}

void main();
