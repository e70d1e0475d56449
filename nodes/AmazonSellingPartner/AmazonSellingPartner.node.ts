import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { OPERATION_TITLES } from './actions/analyticsQuery/AnalyticsQuery.resource';
import { router } from './actions/router';
import { READY_MADE_QUERIES } from './dataKiosk/queries';
import { sellingPartnerProperties } from './description';
import { getMarketplaces } from './methods/loadOptions';
import { reportNamesLiteral } from './reports/registry';

const OPERATION_NAMES = JSON.stringify({
	cancel: 'Cancel Report',
	create: 'Create',
	download: 'Download Report',
	get: 'Get',
	getMany: 'Get Many Reports',
	getStatus: 'Get Report Status',
});

const QUERY_OPERATION_NAMES = JSON.stringify(OPERATION_TITLES);

const QUERY_NAMES = JSON.stringify(Object.fromEntries([['custom', 'Custom Query'], ...READY_MADE_QUERIES.map((query) => [query.value, query.name])]));

export class AmazonSellingPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner',
		name: 'amazonSellingPartner',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['input'],
		version: 1,
		// "Get: Seller Feedback", "Create: Account Health", "Download Report", "Run Query: Seller Economics", …
		subtitle: `={{ $parameter["resource"] === "analyticsQuery" ? ${QUERY_OPERATION_NAMES}[$parameter["operation"]] + (["run", "create"].includes($parameter["operation"]) ? ": " + ${QUERY_NAMES}[$parameter["query"]] : "") : ${OPERATION_NAMES}[$parameter["operation"]] + (["get", "create"].includes($parameter["operation"]) ? ": " + (${reportNamesLiteral()}[$parameter["reportType"]] || $parameter["reportType"]) : "") }}`,
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
		loadOptions: { getMarketplaces },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
