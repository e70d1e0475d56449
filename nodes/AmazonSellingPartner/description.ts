// The Amazon Selling Partner node as the editor shows it: the resource picker, then each
// resource's operations with their parameters (actions/<resource>/, one file per operation).
import type { INodeProperties } from 'n8n-workflow';

import * as report from './actions/report/Report.resource';
import * as reportSchedule from './actions/reportSchedule/ReportSchedule.resource';

export const sellingPartnerProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Report', value: 'report' },
			{ name: 'Report Schedule', value: 'reportSchedule' },
		],
		default: 'report',
	},
	...report.description,
	...reportSchedule.description,
];
