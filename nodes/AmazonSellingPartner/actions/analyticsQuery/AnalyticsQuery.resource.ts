// The Analytics Query resource (Data Kiosk): its operations (one file each: parameters and
// execute) and the operation picker, assembled for the node's description.
import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as download from './download.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';
import * as run from './run.operation';

export const operations = { cancel, create, download, getMany, getStatus, run };

/** Operation names as the node's subtitle shows them. */
export const OPERATION_TITLES: Record<keyof typeof operations, string> = {
	cancel: 'Cancel Query',
	create: 'Create Query',
	download: 'Download Query Results',
	getMany: 'Get Many Queries',
	getStatus: 'Get Query Status',
	run: 'Run Query',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analyticsQuery'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a query Amazon has not finished', action: 'Cancel an analytics query' },
			{ name: 'Create', value: 'create', description: 'Submit a query, without waiting for its results', action: 'Create an analytics query' },
			{
				name: 'Download',
				value: 'download',
				description: 'Get the results of a query made earlier, by its ID (waits for it to finish)',
				action: 'Download the results of an analytics query',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the account’s queries of the last 90 days', action: 'Get many analytics queries' },
			{ name: 'Get Status', value: 'getStatus', description: 'Get a query’s processing status', action: 'Get the status of an analytics query' },
			{
				name: 'Run',
				value: 'run',
				description: 'Submit a query, wait for Amazon to run it, and get its results as items',
				action: 'Run an analytics query',
			},
		],
		default: 'run',
	},
	...run.description,
	...create.description,
	...download.description,
	...getMany.description,
	...getStatus.description,
	...cancel.description,
];
