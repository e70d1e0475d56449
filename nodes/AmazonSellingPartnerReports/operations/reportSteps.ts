// Any report type, and the single steps of the Reports API for workflows that split them
// (e.g. Create, then a Wait node, then Get Status and Download Document).
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import type { CreateReportSpec, ProcessingStatus } from '../api';
import { cancelReport, createReport, getReport, getReportDocument, getReports } from '../api';
import { checkRange, connectionFor, dateParameter, marketplaceIdsFor, runOptionsFor } from '../parameters';
import { downloadDocument, runReport } from '../runReport';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

function reportSpecFor(this: IExecuteFunctions, itemIndex: number, marketplaceIds: string[]): CreateReportSpec {
	const chosen = this.getNodeParameter('reportType', itemIndex) as string;
	const reportType = (chosen === 'other' ? (this.getNodeParameter('customReportType', itemIndex, '') as string) : chosen).trim();
	if (!/^[A-Z0-9_]+$/.test(reportType)) {
		throw new AmazonRequestError(`"${reportType}" is not a report type`, {
			description: 'Report types are written like GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.',
		});
	}
	const dataStartTime = dateParameter.call(this, 'dataStartTime', 'Data Start Time', itemIndex);
	const dataEndTime = dateParameter.call(this, 'dataEndTime', 'Data End Time', itemIndex);
	checkRange({ label: 'Data Start Time', value: dataStartTime }, { label: 'Data End Time', value: dataEndTime });
	const pairs = (this.getNodeParameter('reportOptions.option', itemIndex, []) as Array<{ name?: string; value?: string }>) ?? [];
	const reportOptions: Record<string, string> = {};
	for (const { name, value } of pairs) {
		if (name?.trim()) reportOptions[name.trim()] = String(value ?? '');
	}
	return {
		reportType,
		marketplaceIds,
		dataStartTime,
		dataEndTime,
		reportOptions: Object.keys(reportOptions).length ? reportOptions : undefined,
	};
}

export const requestAndDownload: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const spec = reportSpecFor.call(this, itemIndex, marketplaceIdsFor.call(this, itemIndex, connection));
	const as = this.getNodeParameter('as', itemIndex, 'items') as 'items' | 'binary';
	return await runReport.call(this, connection, spec, undefined, runOptionsFor.call(this, itemIndex, 'rows', as));
};

export const create: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const spec = reportSpecFor.call(this, itemIndex, marketplaceIdsFor.call(this, itemIndex, connection));
	const reportId = await createReport(connection, spec, this.getExecutionCancelSignal());
	return [{ json: { reportId, reportType: spec.reportType, marketplaceIds: spec.marketplaceIds } }];
};

export const getStatus: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const report = await getReport(connection, reportIdFor.call(this, itemIndex), this.getExecutionCancelSignal());
	return [{ json: report as unknown as IDataObject }];
};

export const cancel: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const reportId = reportIdFor.call(this, itemIndex);
	await cancelReport(connection, reportId, this.getExecutionCancelSignal());
	return [{ json: { reportId, cancelled: true } }];
};

export const getMany: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const reportTypes = String(this.getNodeParameter('reportTypes', itemIndex, ''))
		.split(',')
		.map((type) => type.trim())
		.filter(Boolean);
	if (!reportTypes.length || reportTypes.length > 10) {
		throw new AmazonRequestError(
			reportTypes.length ? `${reportTypes.length} report types given; Amazon takes at most 10` : '"Report Types" is empty',
			{ description: 'List between 1 and 10 report types, separated by commas.' },
		);
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		createdSince?: string;
		createdUntil?: string;
		marketplaceIds?: string[];
		processingStatuses?: ProcessingStatus[];
	};
	const createdSince = filters.createdSince ? new Date(filters.createdSince).toISOString() : undefined;
	const createdUntil = filters.createdUntil ? new Date(filters.createdUntil).toISOString() : undefined;
	checkRange({ label: 'Created Since', value: createdSince }, { label: 'Created Until', value: createdUntil });
	const signal = this.getExecutionCancelSignal();

	const items: INodeExecutionData[] = [];
	let page = await getReports(
		connection,
		{
			reportTypes,
			processingStatuses: filters.processingStatuses,
			marketplaceIds: filters.marketplaceIds,
			createdSince,
			createdUntil,
			pageSize: 100,
		},
		signal,
	);
	for (;;) {
		for (const report of page.reports) {
			if (items.length >= limit) return items;
			items.push({ json: report as unknown as IDataObject });
		}
		if (!page.nextToken || items.length >= limit) return items;
		// Amazon wants nextToken as the only parameter.
		page = await getReports(connection, { nextToken: page.nextToken }, signal);
	}
};

export const downloadDocumentById: Operation = async function (itemIndex) {
	const connection = await connectionFor.call(this, itemIndex);
	const reportDocumentId = String(this.getNodeParameter('reportDocumentId', itemIndex, '')).trim();
	if (!reportDocumentId) {
		throw new AmazonRequestError('"Report Document ID" is empty', {
			description: 'Use the reportDocumentId of a DONE report, from Get Status or Get Many.',
		});
	}
	const signal = this.getExecutionCancelSignal();
	const document = await getReportDocument(connection, reportDocumentId, signal);
	const as = this.getNodeParameter('as', itemIndex, 'items') as 'items' | 'binary';
	const options = runOptionsFor.call(this, itemIndex, 'rows', as);
	return await downloadDocument.call(this, connection, document, { reportType: 'REPORT', marketplaceIds: [] }, undefined, options, signal);
};

function reportIdFor(this: IExecuteFunctions, itemIndex: number): string {
	const reportId = String(this.getNodeParameter('reportId', itemIndex, '')).trim();
	if (!reportId) {
		throw new AmazonRequestError('"Report ID" is empty', {
			description: 'Use the reportId that Create or Get Many returned.',
		});
	}
	return reportId;
}
