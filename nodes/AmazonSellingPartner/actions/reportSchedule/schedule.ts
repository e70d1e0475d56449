// A report schedule as an item: Amazon's fields, and the period as the editor names it.
import type { IDataObject } from 'n8n-workflow';

import { reportPeriod } from '../../schedulePeriods';
import type { ReportSchedule } from '../../transport/schedulesApi';

export function scheduleItem(schedule: ReportSchedule): IDataObject {
	return { ...schedule, periodName: reportPeriod(schedule.period)?.name ?? schedule.period } as IDataObject;
}
