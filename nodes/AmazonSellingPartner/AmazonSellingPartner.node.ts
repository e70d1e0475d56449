import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { router } from './actions/router';
import { sellingPartnerProperties } from './description';
import { getMarketplaces, getReportFields } from './methods/loadOptions';
import { reportNamesLiteral } from './reports/registry';

const OPERATION_NAMES = JSON.stringify({
	cancel: 'Cancel Report',
	create: 'Create',
	download: 'Download Report',
	get: 'Get',
	getMany: 'Get Many Reports',
	getStatus: 'Get Report Status',
});

export class AmazonSellingPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner',
		name: 'amazonSellingPartner',
		icon: { light: 'file:../../icons/amazonSellingPartner.svg', dark: 'file:../../icons/amazonSellingPartner.dark.svg' },
		group: ['input'],
		version: 1,
		// "Get: Seller Feedback", "Create: Account Health", "Download Report", …
		subtitle: `={{ ${OPERATION_NAMES}[$parameter["operation"]] + (["get", "create"].includes($parameter["operation"]) ? ": " + (${reportNamesLiteral()}[$parameter["reportType"]] || $parameter["reportType"]) : "") }}`,
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
		loadOptions: { getMarketplaces, getReportFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
