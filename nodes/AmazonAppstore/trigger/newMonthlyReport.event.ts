// New Monthly Report Available: once, when a month's report (of the chosen reports) first appears.
// State: { watch: 'report types', seen: [keys] }: a month of a report is keyed by
// recordKey([reportType, month]).
import type { IDataObject } from 'n8n-workflow';

import { AmazonRequestError } from '../../shared/errors';
import type { TriggerEvent } from '../../shared/trigger/event';
import { boundedKeys, recordKey, stringList } from '../../shared/trigger/state';
import { addMonths, currentMonth, formatMonth } from '../parameters';
import { allAppstoreReportTypes, appstoreReportTypeById } from '../reports/registry';
import type { AppstoreConnection } from '../transport/reportingApi';
import { getReportUrl } from '../transport/reportingApi';
import { APPSTORE_CHECK_MINUTES, SAMPLE_SIZE } from './connect';

/** A month of a report, as remembered; months the package's first version remembered ("sales/2025-03") read too. */
const monthKey = (entry: IDataObject) => recordKey([entry.report, entry.reportMonth]);
const rememberedKey = (key: string) => (/^[a-z]+\/\d{4}-\d{2}$/.test(key) ? recordKey(key.split('/')) : key);

export const newMonthlyReportEvent: TriggerEvent<AppstoreConnection> = {
	option: { name: 'New Monthly Report Available', value: 'newMonthlyReport', description: 'Once, when a month’s report first appears' },
	parameters: [
		{
			displayName: 'Reports',
			name: 'reports',
			type: 'multiOptions',
			options: allAppstoreReportTypes().map((report) => ({ name: report.name, value: report.reportType, description: report.description })),
			default: ['sales'],
		},
	],
	checkEveryMinutes: APPSTORE_CHECK_MINUTES,
	stateVersion: 1,

	async poll({ connection, state, manual }) {
		const reportTypes = (this.getNodeParameter('reports', ['sales']) as string[]) ?? ['sales'];
		for (const reportType of reportTypes) {
			if (!appstoreReportTypeById(reportType)) {
				throw new AmazonRequestError(`"${reportType}" is not an Appstore report`, { description: 'Choose the reports from the list.' });
			}
		}
		const now = currentMonth();
		const available: IDataObject[] = [];
		for (const reportType of reportTypes) {
			for (const month of [addMonths(now, -1), now]) {
				if (await getReportUrl(connection, reportType, month)) available.push({ report: reportType, reportMonth: formatMonth(month) });
			}
		}
		if (manual) return { items: available.slice(-SAMPLE_SIZE).map((json) => ({ json })), state: {} };

		// Watching other reports starts afresh: their existing months are not news.
		const watch = [...reportTypes].sort().join(',');
		const firstPoll = state?.seen === undefined || state.watch !== watch;
		const seen = firstPoll ? [] : stringList(state?.seen).map(rememberedKey);
		const fresh = available.filter((entry) => !seen.includes(monthKey(entry)));
		return {
			items: firstPoll ? [] : fresh.map((json) => ({ json })),
			state: { watch, seen: boundedKeys(seen, available.map(monthKey), 48) },
		};
	},
};
