import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DOCS } from '../shared/docs';
import { router } from './actions/router';
import { appstoreProperties } from './description';
import { getReportFields } from './methods/loadOptions';
import { operationNamesLiteral } from './reports/registry';

export class AmazonAppstore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Appstore',
		name: 'amazonAppstore',
		icon: { light: 'file:../../icons/amazonAppstore.svg', dark: 'file:../../icons/amazonAppstore.dark.svg' },
		group: ['input'],
		version: 1,
		// "Get Sales Report", "Get Subscription Report", … (from the report registry)
		subtitle: `={{ (${operationNamesLiteral()})[$parameter["operation"]] }}`,
		description: 'Get monthly sales and subscription reports from the Amazon Appstore, one item per row or a summary',
		documentationUrl: DOCS.appstore,
		defaults: { name: 'Amazon Appstore' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amazonAppstoreReportingApi',
				required: true,
			},
		],
		properties: appstoreProperties,
	};

	methods = {
		loadOptions: { getReportFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
