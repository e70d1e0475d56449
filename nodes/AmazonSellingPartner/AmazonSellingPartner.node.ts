import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { OPERATION_TITLES } from './actions/analyticsQuery/AnalyticsQuery.resource';
import { router } from './actions/router';
import { READY_MADE_QUERIES } from './dataKiosk/queries';
import { sellingPartnerProperties } from './description';
import { searchReadableReportTypes, searchRequestableReportTypes, searchSchedulableReportTypes } from './methods/listSearch';
import { getMarketplaces, getQueryFields, getReadableReportTypes, getReportFields, getSchedulableReportTypes } from './methods/loadOptions';
import { reportTypeNameExpression } from './reports/registry';

// The subtitle's name of each resource's operations, keyed "resource:operation" (n8n's expression
// syntax ends at "}}", so no nested objects), and the operations that name a report type.
const OPERATION_NAMES = JSON.stringify({
	'report:cancel': 'Cancel Report',
	'report:create': 'Create',
	'report:download': 'Download Report',
	'report:get': 'Get',
	'report:getMany': 'Get Many Reports',
	'report:getStatus': 'Get Report Status',
	'reportSchedule:cancel': 'Cancel Schedule',
	'reportSchedule:create': 'Schedule',
	'reportSchedule:get': 'Get Schedule',
	'reportSchedule:getMany': 'Get Many Schedules',
	...Object.fromEntries(Object.entries(OPERATION_TITLES).map(([operation, title]) => [`analyticsQuery:${operation}`, title])),
});
const WITH_REPORT_TYPE = JSON.stringify(['report:get', 'report:create', 'reportSchedule:create']);
const OPERATION_KEY = '($parameter["resource"] || "report") + ":" + $parameter["operation"]';
// The operations that name their query: "Run Query: Seller Economics".
const WITH_QUERY = JSON.stringify(['analyticsQuery:run', 'analyticsQuery:create']);

const QUERY_NAMES = JSON.stringify(Object.fromEntries([['custom', 'Custom Query'], ...READY_MADE_QUERIES.map((query) => [query.value, query.name])]));

export class AmazonSellingPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner',
		name: 'amazonSellingPartner',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['input'],
		version: 1,
		// "Get: Seller Feedback", "Create: Account Health", "Download Report", "Schedule: FBA Manage Inventory", "Run Query: Seller Economics", …
		subtitle: `={{ ${OPERATION_NAMES}[${OPERATION_KEY}] + (${WITH_REPORT_TYPE}.includes(${OPERATION_KEY}) ? ": " + ${reportTypeNameExpression()} : ${WITH_QUERY}.includes(${OPERATION_KEY}) ? ": " + ${QUERY_NAMES}[$parameter["query"]] : "") }}`,
		description: 'Get seller feedback, account health, orders, listings, inventory, any other Seller Central report, and Data Kiosk analytics (sales and traffic, seller economics), as typed items',
		documentationUrl: DOCS.sellingPartner,
		defaults: { name: 'Amazon Selling Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonSellingPartnerApi',
				required: true,
			},
		],
		properties: sellingPartnerProperties,
	};

	methods = {
		loadOptions: { getMarketplaces, getQueryFields, getReadableReportTypes, getReportFields, getSchedulableReportTypes },
		listSearch: { searchReadableReportTypes, searchRequestableReportTypes, searchSchedulableReportTypes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
