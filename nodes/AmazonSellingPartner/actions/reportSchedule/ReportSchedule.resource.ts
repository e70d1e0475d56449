// The Report Schedule resource: Amazon makes a report of a type every period by itself; the
// Amazon Selling Partner Trigger (Report Ready) picks up each one. One file per operation.
import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { cancel, create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reportSchedule'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Stop a schedule: Amazon makes no more reports of it', action: 'Cancel a report schedule' },
			{
				name: 'Create',
				value: 'create',
				description: 'Have Amazon make a report every period (replaces the schedule of the same type and marketplaces)',
				action: 'Create a report schedule',
			},
			{ name: 'Get', value: 'get', description: 'Get a schedule: its report type, period and next report', action: 'Get a report schedule' },
			{ name: 'Get Many', value: 'getMany', description: 'List the schedules of up to 10 report types', action: 'Get many report schedules' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...cancel.description,
];
