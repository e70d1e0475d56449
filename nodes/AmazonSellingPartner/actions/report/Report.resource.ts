// The Report resource: its operations (one file each: parameters and execute) and the
// operation picker, assembled for the node's description.
import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';

export const operations = { cancel, create, download, get, getMany, getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a report that has not started yet', action: 'Cancel a report' },
			{ name: 'Create', value: 'create', description: 'Ask Amazon to make a report, without waiting for it', action: 'Create a report' },
			{
				name: 'Download',
				value: 'download',
				description: 'Get the rows of a report made earlier, by its ID (waits for it to finish)',
				action: 'Download a report',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Request a report, wait for Amazon to make it, and get its rows as items',
				action: 'Get a report',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List reports, including those Amazon makes on a schedule',
				action: 'Get many reports',
			},
			{ name: 'Get Status', value: 'getStatus', description: 'Get a report’s processing status', action: 'Get the status of a report' },
		],
		default: 'get',
	},
	...get.description,
	...create.description,
	...download.description,
	...getMany.description,
	...getStatus.description,
	...cancel.description,
];
