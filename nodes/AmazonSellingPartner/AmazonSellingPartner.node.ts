import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { router } from './actions/router';
import { sellingPartnerProperties } from './description';
import { searchReadableReportTypes, searchRequestableReportTypes, searchSchedulableReportTypes } from './methods/listSearch';
import { getMarketplaces, getReadableReportTypes, getSchedulableReportTypes } from './methods/loadOptions';
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
});
const WITH_REPORT_TYPE = JSON.stringify(['report:get', 'report:create', 'reportSchedule:create']);
const OPERATION_KEY = '($parameter["resource"] || "report") + ":" + $parameter["operation"]';

export class AmazonSellingPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner',
		name: 'amazonSellingPartner',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['input'],
		version: 1,
		// "Get: Seller Feedback", "Create: Account Health", "Download Report", "Schedule: FBA Manage Inventory", …
		subtitle: `={{ ${OPERATION_NAMES}[${OPERATION_KEY}] + (${WITH_REPORT_TYPE}.includes(${OPERATION_KEY}) ? ": " + ${reportTypeNameExpression()} : "") }}`,
		description: 'Get seller feedback, account health, orders, listings, inventory and any other Seller Central report, as typed items',
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
		loadOptions: { getMarketplaces, getReadableReportTypes, getSchedulableReportTypes },
		listSearch: { searchReadableReportTypes, searchRequestableReportTypes, searchSchedulableReportTypes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
