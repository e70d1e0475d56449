// The Amazon Selling Partner node as the editor shows it: the resource picker, then each
// resource's operations with their parameters (actions/<resource>/, one file per operation).
import type { INodeProperties } from 'n8n-workflow';

import * as analyticsQuery from './actions/analyticsQuery/AnalyticsQuery.resource';
import * as report from './actions/report/Report.resource';
import * as reportSchedule from './actions/reportSchedule/ReportSchedule.resource';

export const sellingPartnerProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Analytics Query', value: 'analyticsQuery', description: 'Data Kiosk: sales and traffic, seller economics (fees, costs, net proceeds), any query' },
			{ name: 'Report', value: 'report', description: 'Reports API: feedback, account health, orders, listings, inventory and any report type' },
			{ name: 'Report Schedule', value: 'reportSchedule', description: 'Have Amazon make a report of a type every period' },
		],
		default: 'report',
	},
	...report.description,
	...analyticsQuery.description,
	...reportSchedule.description,
];
